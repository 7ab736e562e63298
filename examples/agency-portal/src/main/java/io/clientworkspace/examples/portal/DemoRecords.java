package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.Folder;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.record.Money;
import io.clientworkspace.record.NewLinkedRecord;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The host's records in Acme's workspace, as a CRM would push them (by its own ids, idempotently): two invoices
 * (the deposit paid, the second instalment open and overdue), the retainer contract, a client-visible support ticket
 * and an internal one no client ever sees, November's performance report and a hosting maintenance window. Two
 * deliverables folders wait for the invoices: "Brand" for the paid deposit (its files download), "Final
 * deliverables" for the open instalment (clients get them once it is paid). Dates are relative to the day the portal
 * starts. Skipped, with a log line, when the kit's store set does not provide linked records.
 */
final class DemoRecords {

    /** The paid deposit invoice (host id). */
    static final String PAID_INVOICE = "INV-2026-007";
    /** The open, overdue second instalment (host id). */
    static final String OPEN_INVOICE = "INV-2026-014";
    /** The internal ticket's title: never on a client's page. */
    static final String INTERNAL_TICKET = "Margin dispute with the print supplier";
    /** The client-visible ticket's title. */
    static final String CLIENT_TICKET = "Contact form sends no e-mail";
    /** The folder that waits for the open invoice. */
    static final String FINAL_FOLDER = "Final deliverables";
    /** The file in it. */
    static final String FINAL_FILE = "Brand book final.pdf";

    private static final Logger log = LoggerFactory.getLogger(DemoRecords.class);
    private static final String CRM = "https://crm.northwind.example";

    private DemoRecords() {
    }

    static void seed(WorkspaceKit kit, Actor bob, Workspace acme, Optional<Folder> brand, DeliverableInvoices links) {
        if (kit.features().stream().noneMatch(f -> f.name().equals("records") && f.available())) {
            log.warn("The kit's store set provides no records feature: the demo has no invoices, tickets or reports");
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        upsert(kit, bob, acme, NewLinkedRecord.builder(RecordType.INVOICE, PAID_INVOICE, "Brand refresh deposit", "PAID")
                .amount(Money.of("4800.00", "EUR")).issuedOn(today.minusDays(40)).dueOn(today.minusDays(26))
                .url(URI.create(CRM + "/invoices/" + PAID_INVOICE)).build());
        upsert(kit, bob, acme, NewLinkedRecord.builder(RecordType.INVOICE, OPEN_INVOICE,
                        "Brand refresh second instalment", "OPEN")
                .amount(Money.of("7200.00", "EUR")).issuedOn(today.minusDays(30)).dueOn(today.minusDays(5))
                .url(URI.create(CRM + "/invoices/" + OPEN_INVOICE)).build());
        upsert(kit, bob, acme, NewLinkedRecord.builder(RecordType.CONTRACT, "CTR-2026-003", "Retainer 2026", "ACTIVE")
                .amount(Money.of("36000.00", "EUR")).issuedOn(LocalDate.of(today.getYear(), 1, 1))
                .url(URI.create(CRM + "/contracts/CTR-2026-003")).build());
        upsert(kit, bob, acme, NewLinkedRecord.builder(RecordType.TICKET, "TCK-4711", CLIENT_TICKET, "OPEN")
                .issuedOn(today.minusDays(2)).url(URI.create(CRM + "/tickets/TCK-4711")).build());
        upsert(kit, bob, acme, NewLinkedRecord.builder(RecordType.TICKET, "TCK-4712", INTERNAL_TICKET, "PENDING")
                .issuedOn(today.minusDays(1)).visibility(Visibility.TEAM).build());
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        upsert(kit, bob, acme, NewLinkedRecord.builder(RecordType.REPORT, "RPT-" + lastMonth.getYear() + "-"
                                + String.format("%02d", lastMonth.getMonthValue()),
                        "Monthly performance report, " + lastMonth.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                                java.util.Locale.ENGLISH) + " " + lastMonth.getYear(), "PUBLISHED")
                .issuedOn(today.withDayOfMonth(1)).url(URI.create(CRM + "/reports/acme/" + lastMonth)).build());
        upsert(kit, bob, acme, NewLinkedRecord.builder(RecordType.MAINTENANCE_WINDOW, "MW-2026-12", "Hosting provider maintenance",
                        "SCHEDULED")
                .startsAt(today.plusDays(10).atTime(2, 0).toInstant(ZoneOffset.UTC))
                .endsAt(today.plusDays(10).atTime(3, 0).toInstant(ZoneOffset.UTC)).build());

        brand.ifPresent(folder -> links.link(acme.id(), folder.id(), PAID_INVOICE));
        Folder finals = kit.folders().create(bob, acme.id(), FINAL_FOLDER, Optional.empty(), Visibility.CLIENT);
        links.link(acme.id(), finals.id(), OPEN_INVOICE);
        kit.files().upload(bob, acme.id(), NewUpload.of(FINAL_FILE, "application/pdf").in(finals.id()),
                new ByteArrayInputStream(DemoFiles.pdf("Acme brand book", "The final brand book: logo, colours, type.",
                        "Delivered once the second instalment is paid.")));
    }

    private static void upsert(WorkspaceKit kit, Actor bob, Workspace acme, NewLinkedRecord record) {
        kit.records().upsert(bob, acme.id(), record, OptionalLong.empty());
    }
}
