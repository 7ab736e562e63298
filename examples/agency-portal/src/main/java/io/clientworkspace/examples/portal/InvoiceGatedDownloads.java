package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.FolderId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.file.DownloadPolicy;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.Permission;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.RecordType;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The portal's {@link DownloadPolicy}: a client downloads a file of a deliverables folder only once the invoice that
 * folder waits for ({@link DeliverableInvoices}) is {@code PAID}; the team always downloads. The invoice is looked up
 * as the portal's own back-office account (a client without {@code VIEW_BILLING}, such as Dave, cannot see invoices,
 * yet gets the files once the invoice is paid). A missing invoice counts as unpaid: the policy fails closed. The
 * refusal names the invoice only to a client who may see invoices ({@code VIEW_BILLING}); any other client is told
 * that the agency's invoice for the deliverable is not paid yet, without its number.
 */
public final class InvoiceGatedDownloads implements DownloadPolicy {

    /** Folders deeper than this are not followed further up (a guard; the kit limits folder depth anyway). */
    private static final int MAX_DEPTH = 64;

    /** The refusal for a client who may not see invoices: it names no invoice. */
    static final String WITHOUT_BILLING = "This deliverable becomes available once the agency's invoice for it is paid.";

    private final WorkspaceKit kit;
    private final DeliverableInvoices links;
    private final Supplier<Actor> backOffice;

    /**
     * @param backOffice the team account the portal looks invoices up with (asked on each download, so that it is
     *                   resolved only once the tenant exists)
     */
    public InvoiceGatedDownloads(WorkspaceKit kit, DeliverableInvoices links, Supplier<Actor> backOffice) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.links = requireNonNull(links, "links must not be null");
        this.backOffice = requireNonNull(backOffice, "backOffice must not be null");
    }

    @Override
    public Optional<String> refusal(Actor actor, FileAsset file, FileVersion version) {
        if (actor.kind() == ActorKind.TEAM || file.folderId().isEmpty()) {
            return Optional.empty();
        }
        Actor office = backOffice.get();
        Optional<String> invoice = gatingInvoice(office, file);
        if (invoice.isEmpty()) {
            return Optional.empty();
        }
        boolean paid = kit.records().find(office, file.workspaceId(), RecordType.INVOICE, invoice.get())
                .map(LinkedRecord::status).filter("PAID"::equals).isPresent();
        if (paid) {
            return Optional.empty();
        }
        return Optional.of(kit.authorizer().grant(actor, file.workspaceId()).allows(Permission.VIEW_BILLING)
                ? "This deliverable can be downloaded once invoice " + invoice.get() + " is paid."
                : WITHOUT_BILLING);
    }

    /** The invoice of the file's folder or of the nearest folder above it that waits for one. */
    private Optional<String> gatingInvoice(Actor office, FileAsset file) {
        Optional<FolderId> current = file.folderId();
        Set<FolderId> seen = new HashSet<>();
        for (int depth = 0; current.isPresent() && depth < MAX_DEPTH && seen.add(current.get()); depth++) {
            Optional<String> invoice = links.invoiceOf(file.workspaceId(), current.get());
            if (invoice.isPresent()) {
                return invoice;
            }
            current = kit.folders().find(office, file.workspaceId(), current.get()).flatMap(Folder::parentId);
        }
        return Optional.empty();
    }
}
