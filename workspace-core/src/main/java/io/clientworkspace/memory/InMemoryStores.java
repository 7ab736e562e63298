package io.clientworkspace.memory;

import io.clientworkspace.spi.Stores;

/** Creates a complete, consistent set of in-memory stores sharing one {@link InMemoryTransactions}. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    /** A new, empty set of in-memory stores. */
    public static Stores create() {
        InMemoryTransactions tx = new InMemoryTransactions();
        InMemoryMembershipStore memberships = new InMemoryMembershipStore(tx);
        return new Stores(tx, new InMemoryTenantStore(tx), new InMemoryTeamStore(tx),
                new InMemoryPermissionMatrixStore(tx), new InMemoryWorkspaceStore(tx, memberships), memberships,
                new InMemoryInvitationStore(tx), new InMemoryActivityStore(tx));
    }
}
