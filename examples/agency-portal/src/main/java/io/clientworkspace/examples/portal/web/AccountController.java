package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.Money;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Account tab of a workspace: the host's records linked into it (invoices with their status and due dates,
 * contracts, tickets, reports and maintenance windows), each with a link into the host. What a user sees is what the
 * kit lets them see: invoices and amounts only with {@code VIEW_BILLING} (Carol, not Dave), internal records only for
 * the team. A section the user may not see is left out entirely.
 */
@Controller
public class AccountController {

    /** How many records of one type the tab lists. */
    static final int SHOWN = 100;

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;

    public AccountController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    /** Whether the kit's linked records feature is available (its stores are provided). */
    static boolean available(WorkspaceKit kit) {
        return kit.features().stream().anyMatch(f -> f.name().equals("records") && f.available());
    }

    @GetMapping("/workspaces/{slug}/account")
    public String account(Actor actor, @PathVariable String slug, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        boolean billing = grant.allows(Permission.VIEW_BILLING);
        List<Section> sections = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            if (type == RecordType.INVOICE && !billing) {
                continue;
            }
            List<RecordView> rows = kit.records().list(actor, workspace.id(), Optional.of(type), PageRequest.first(SHOWN))
                    .items().stream().map(r -> view(r, today)).toList();
            sections.add(new Section(type.name(), title(type), rows, type.amountAllowed() && billing));
        }
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("sections", sections);
        model.addAttribute("billing", billing);
        return "account";
    }

    private static RecordView view(LinkedRecord r, LocalDate today) {
        String dates = switch (r.type()) {
            case INVOICE -> r.issuedOn().map(d -> "issued " + ProjectViews.day(d)).orElse("")
                    + r.dueOn().map(d -> (r.issuedOn().isPresent() ? ", " : "") + "due " + ProjectViews.day(d)).orElse("");
            case MAINTENANCE_WINDOW -> r.startsAt().map(s -> ProjectViews.day(s) + " " + ProjectViews.time(s)
                    + r.endsAt().map(e -> " – " + ProjectViews.time(e)).orElse("") + " UTC").orElse("");
            default -> r.issuedOn().map(ProjectViews::day).orElse("")
                    + r.dueOn().map(d -> " (due " + ProjectViews.day(d) + ")").orElse("");
        };
        return new RecordView(r.hostId(), r.title(), status(r, today), r.status(), r.overdue(today),
                r.amount().map(AccountController::money).orElse(""), dates, r.url().map(Object::toString),
                r.visibility() == Visibility.TEAM);
    }

    /** The status in words; an open invoice past its due date says so (not only by colour). */
    static String status(LinkedRecord r, LocalDate today) {
        if (r.overdue(today)) {
            return "Overdue since " + r.dueOn().map(ProjectViews::day).orElse("");
        }
        String s = r.status().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String money(Money m) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
        format.setCurrency(m.currency());
        format.setMinimumFractionDigits(Math.max(0, m.currency().getDefaultFractionDigits()));
        format.setMaximumFractionDigits(Math.max(0, m.currency().getDefaultFractionDigits()));
        return format.format(m.amount());
    }

    private static String title(RecordType type) {
        return switch (type) {
            case INVOICE -> "Invoices";
            case CONTRACT -> "Contracts";
            case TICKET -> "Support tickets";
            case REPORT -> "Reports";
            case MAINTENANCE_WINDOW -> "Maintenance windows";
        };
    }

    /** One type of record and its rows. */
    public record Section(String type, String title, List<RecordView> rows, boolean amounts) {
    }

    /** One record as the tab shows it. */
    public record RecordView(String hostId, String title, String statusText, String status, boolean overdue,
                             String amount, String dates, Optional<String> url, boolean internal) {
    }
}
