package io.clientworkspace.tck;

import io.clientworkspace.WorkspaceKit;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isolation as a property: a seeded random run of a whole {@link WorkspaceKit} built on the stores under
 * test, by many actors across several tenants, after which nothing has crossed a tenant or workspace
 * boundary. Extend it and implement {@link #createStores()}.
 *
 * <p>One run builds three tenants with nine team users each (tenant admins, account managers, team
 * members, one user who claims to be on the team but is not, and one who is also a client), eleven
 * client users each (several of them in more than one workspace of their tenant), and eight workspaces
 * each; the same user names exist in every tenant. It then performs {@link #operations()} random
 * operations: adding, removing and changing members, handing over the lead, inviting, accepting and
 * revoking, renaming, archiving and restoring, linking external references, creating workspaces,
 * changing the team roster and the permission matrix, creating client-visible and internal projects
 * with their task lists and tasks, and reads of every kind (projects, counts and task pages as each actor may see them), often with another
 * tenant's or another workspace's ids. A model kept by the test, derived from the documented rules,
 * says what each operation must do; after every step the test checks that
 * <ul>
 *   <li>the operation succeeded or failed exactly as the model says (not found, access denied,
 *       archived, the right conflict), and a failed one changed nothing, not even the activity log;</li>
 *   <li>no actor can read a workspace it may not see: {@code get} answers not found, {@code find} is
 *       empty, lists leave it out, and its members and feed are not found;</li>
 *   <li>no client ever sees a team-only activity entry in any feed.</li>
 * </ul>
 *
 * <p>The seed is random and printed at the start; every failure names it. Rerun one seed with
 * {@code -Disolation.seed=<seed>}; change the number of operations with {@code -Disolation.operations=<n>}.
 */
public abstract class IsolationContract extends StoreContractSupport {

    /** The system property that fixes the seed of a run. */
    public static final String SEED_PROPERTY = "isolation.seed";
    /** The system property that changes the number of operations of a run. */
    public static final String OPERATIONS_PROPERTY = "isolation.operations";
    /** The default number of random operations per run. */
    public static final int DEFAULT_OPERATIONS = 10_000;

    /**
     * How many random operations one run performs: {@value #DEFAULT_OPERATIONS} unless the system
     * property {@value #OPERATIONS_PROPERTY} says otherwise. A store whose calls are slow (a remote
     * database) may override this with a smaller number, but fewer operations find fewer bugs.
     */
    protected int operations() {
        return Integer.getInteger(OPERATIONS_PROPERTY, DEFAULT_OPERATIONS);
    }

    /** The seed of the run: the system property {@value #SEED_PROPERTY} if set, otherwise a random one. */
    protected long seed() {
        Long fixed = Long.getLong(SEED_PROPERTY);
        return fixed != null ? fixed : new SecureRandom().nextLong();
    }

    @Test
    void randomOperationsByManyActorsNeverCrossATenantOrWorkspaceBoundary() {
        long seed = seed();
        int operations = operations();
        String rerun = "rerun with -D" + SEED_PROPERTY + "=" + seed;
        System.out.println("[" + getClass().getSimpleName() + "] isolation run with seed " + seed + ", "
                + operations + " operations (" + rerun + ")");
        IsolationRun run = new IsolationRun(seed, stores());
        try {
            run.run(operations);
        } catch (Throwable failure) {
            throw new AssertionError("Isolation run with seed " + seed + " failed at " + run.position() + "; "
                    + rerun + "\n" + failure.getMessage(), failure);
        }
        System.out.println("[" + getClass().getSimpleName() + "] seed " + seed + " passed; " + run.summary());
        assertThat(run.actorCount()).as("actors of seed %d", seed).isGreaterThanOrEqualTo(50);
        assertThat(run.workspaceCount()).as("workspaces of seed %d", seed).isGreaterThanOrEqualTo(20);
        assertThat(run.successfulChanges()).as("successful changes of seed %d: the run must change things", seed)
                .isGreaterThan(operations / 20L);
    }
}
