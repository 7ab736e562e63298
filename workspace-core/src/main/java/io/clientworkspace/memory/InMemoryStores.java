package io.clientworkspace.memory;

import io.clientworkspace.spi.Stores;

import java.util.Optional;

/** Creates a complete, consistent set of in-memory stores sharing one {@link InMemoryTransactions}. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    /** A new, empty set of in-memory stores. */
    public static Stores create() {
        InMemoryTransactions tx = new InMemoryTransactions();
        InMemoryMembershipStore memberships = new InMemoryMembershipStore(tx);
        InMemoryFileStore files = new InMemoryFileStore(tx);
        return new Stores(tx, new InMemoryTenantStore(tx), new InMemoryTeamStore(tx),
                new InMemoryPermissionMatrixStore(tx), new InMemoryWorkspaceStore(tx, memberships), memberships,
                new InMemoryInvitationStore(tx), new InMemoryActivityStore(tx), new InMemoryFolderStore(tx, files),
                files, new InMemoryDownloadLogStore(tx), new InMemoryApprovalStore(tx), Optional.empty());
    }
}
