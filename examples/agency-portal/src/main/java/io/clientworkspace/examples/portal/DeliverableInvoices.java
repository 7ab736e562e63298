package io.clientworkspace.examples.portal;

import io.clientworkspace.FolderId;
import io.clientworkspace.WorkspaceId;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Which deliverables folder waits for which invoice: the host's own bookkeeping (a real host keeps it in its
 * database next to its invoices; the demo links Acme's folders when it seeds them). {@link InvoiceGatedDownloads}
 * reads it on every download.
 */
@Component
public class DeliverableInvoices {

    private final Map<Key, String> invoiceOfFolder = new ConcurrentHashMap<>();

    /** Files in {@code folder} (and its subfolders) download for clients once invoice {@code invoiceHostId} is paid. */
    public void link(WorkspaceId workspace, FolderId folder, String invoiceHostId) {
        invoiceOfFolder.put(new Key(requireNonNull(workspace, "workspace must not be null"),
                requireNonNull(folder, "folder must not be null")), requireNonNull(invoiceHostId, "invoiceHostId must not be null"));
    }

    /** The host id of the invoice {@code folder} waits for, if it waits for one. */
    public Optional<String> invoiceOf(WorkspaceId workspace, FolderId folder) {
        return Optional.ofNullable(invoiceOfFolder.get(new Key(workspace, folder)));
    }

    private record Key(WorkspaceId workspace, FolderId folder) {
    }
}
