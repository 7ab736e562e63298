package io.clientworkspace.tck;

import io.clientworkspace.ConflictException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every contract shares: the one factory hook, {@link #createStores()}, a fresh set of stores per
 * test, {@link TestData}, and helpers to write inside a unit of work and to assert conflicts.
 *
 * <p>Plugin authors do not extend this class directly; they extend the contract of each SPI they
 * implement (for instance {@link WorkspaceStoreContract}) and implement {@link #createStores()} there.
 */
public abstract class StoreContractSupport {

    /** Builds the records of the current test. */
    protected final TestData data = new TestData();

    private @Nullable Stores stores;

    /**
     * The factory hook: a fresh, empty and complete set of stores of the implementation under test,
     * all sharing one unit of work. Called once before every test; the stores must not contain rows
     * written by an earlier test.
     */
    protected abstract Stores createStores();

    /**
     * Optional hook, called after every test with the stores {@link #createStores()} returned: close
     * connections, drop a schema, delete a bucket. Does nothing by default.
     */
    protected void releaseStores(Stores used) {
    }

    @BeforeEach
    final void createFreshStores() {
        stores = requireNonNull(createStores(), "createStores() must not return null");
    }

    @AfterEach
    final void releaseUsedStores() {
        if (stores != null) {
            releaseStores(stores);
        }
    }

    /** The stores of the current test. */
    protected final Stores stores() {
        if (stores == null) {
            throw new IllegalStateException("stores are created before each test");
        }
        return stores;
    }

    /** Runs {@code work} in a unit of work of the stores under test and returns its result. */
    protected final <T> T inUnitOfWork(Supplier<T> work) {
        return stores().unitOfWork().execute(work);
    }

    /** Runs {@code work}, which returns nothing, in a unit of work of the stores under test. */
    protected final void runInUnitOfWork(Runnable work) {
        stores().unitOfWork().execute(() -> {
            work.run();
            return null;
        });
    }

    /** A new tenant, stored. */
    protected final Tenant storedTenant() {
        return inUnitOfWork(() -> stores().tenants().insert(data.tenant()));
    }

    /** A new workspace of a new tenant, stored with its tenant. */
    protected final Workspace storedWorkspace() {
        return storedWorkspace(storedTenant());
    }

    /** A new workspace of {@code tenant}, stored. */
    protected final Workspace storedWorkspace(Tenant tenant) {
        return inUnitOfWork(() -> stores().workspaces().insert(data.workspace(tenant.id())));
    }

    /** A membership of a new user in the workspace with {@code role}, stored. */
    protected final Membership storedMembership(Workspace workspace, WorkspaceRole role) {
        return inUnitOfWork(() -> stores().memberships().insert(data.membership(workspace.tenantId(), workspace.id(), role)));
    }

    /** A workspace id that exists nowhere. */
    protected final WorkspaceId unknownWorkspaceId() {
        return data.workspaceId();
    }

    /**
     * Asserts that {@code call} throws a {@link ConflictException} with {@code reason}, and returns it.
     */
    protected static ConflictException assertConflict(ConflictException.Reason reason, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertConflict(reason, thrown);
        return (ConflictException) thrown;
    }

    /** Asserts that {@code thrown} is a {@link ConflictException} with {@code reason}. */
    protected static void assertConflict(ConflictException.Reason reason, @Nullable Throwable thrown) {
        assertThat(thrown)
                .as("expected a ConflictException with reason %s", reason)
                .isInstanceOfSatisfying(ConflictException.class, conflict -> assertThat(conflict.reason())
                        .as("reason of: %s", conflict.getMessage())
                        .isEqualTo(reason));
    }
}
