package io.clientworkspace.memory;

import io.clientworkspace.TenantId;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link InMemoryTransactions#begin()}: a unit of work that spans several {@code execute} calls and is
 * ended by its handle, as when the in-memory stores join a host's transaction.
 */
class InMemoryTransactionsBeginTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Stores stores = InMemoryStores.create();
    private final InMemoryTransactions tx = (InMemoryTransactions) stores.unitOfWork();
    private final TenantStore tenants = stores.tenants();

    private static Tenant tenant(String id) {
        return new Tenant(TenantId.of(id), "Agency " + id, NOW, 0);
    }

    private void insert(String id) {
        tx.execute(() -> tenants.insert(tenant(id)));
    }

    private boolean exists(String id) {
        return tenants.find(TenantId.of(id)).isPresent();
    }

    @Test
    void theStoresOwnUnitOfWorkIsTheirInMemoryTransactions() {
        assertThat(stores.unitOfWork()).isInstanceOf(InMemoryTransactions.class);
    }

    @Test
    void aCommittedOuterUnitOfWorkKeepsTheWritesOfEveryExecuteInIt() {
        InMemoryTransactions.Outer outer = tx.begin();
        insert("a");
        insert("b");
        outer.commit();

        assertThat(exists("a")).isTrue();
        assertThat(exists("b")).isTrue();
    }

    @Test
    void aRolledBackOuterUnitOfWorkUndoesTheWritesOfEveryExecuteInIt() {
        insert("before");
        InMemoryTransactions.Outer outer = tx.begin();
        insert("a");
        insert("b");
        outer.rollback();

        assertThat(exists("a")).isFalse();
        assertThat(exists("b")).isFalse();
        assertThat(exists("before")).isTrue();
    }

    @Test
    void aFailedExecuteInsideAnOuterUnitOfWorkUndoesOnlyItsOwnWrites() {
        InMemoryTransactions.Outer outer = tx.begin();
        insert("a");
        assertThatThrownBy(() -> tx.execute(() -> {
            tenants.insert(tenant("b"));
            throw new IllegalArgumentException("boom");
        })).hasMessage("boom");

        assertThat(exists("a")).isTrue();
        assertThat(exists("b")).isFalse();
        outer.commit();
        assertThat(exists("a")).isTrue();
    }

    @Test
    void isActiveIsTrueWhileTheOuterUnitOfWorkIsOpenAlsoBetweenExecuteCalls() {
        assertThat(tx.isActive()).isFalse();
        InMemoryTransactions.Outer outer = tx.begin();
        assertThat(tx.isActive()).isTrue();
        insert("a");
        assertThat(tx.isActive()).isTrue();
        outer.commit();
        assertThat(tx.isActive()).isFalse();
    }

    @Test
    void afterCommitActionsWaitForTheOuterCommit() {
        List<String> ran = new CopyOnWriteArrayList<>();
        InMemoryTransactions.Outer outer = tx.begin();
        tx.execute(() -> {
            tx.afterCommit(() -> ran.add("inside execute"));
            return null;
        });
        tx.afterCommit(() -> ran.add("between calls"));
        assertThat(ran).isEmpty();

        outer.commit();
        assertThat(ran).containsExactly("inside execute", "between calls");
    }

    @Test
    void afterCommitActionsNeverRunWhenTheOuterUnitOfWorkRollsBack() {
        List<String> ran = new CopyOnWriteArrayList<>();
        InMemoryTransactions.Outer outer = tx.begin();
        tx.execute(() -> {
            tx.afterCommit(() -> ran.add("inside execute"));
            return null;
        });
        outer.rollback();

        assertThat(ran).isEmpty();
    }

    @Test
    void afterCommitActionsRunAfterTheLockIsReleasedSoTheyMayUseTheStores() {
        AtomicReference<Boolean> activeInAction = new AtomicReference<>();
        InMemoryTransactions.Outer outer = tx.begin();
        tx.afterCommit(() -> {
            activeInAction.set(tx.isActive());
            insert("from the action");
        });
        outer.commit();

        assertThat(activeInAction.get()).isFalse();
        assertThat(exists("from the action")).isTrue();
    }

    @Test
    void resourcesLiveUntilTheOuterUnitOfWorkEnds() {
        InMemoryTransactions.Outer outer = tx.begin();
        Object first = tx.execute(() -> tx.resource("key", Object.class, Object::new).orElseThrow());
        Optional<Object> between = tx.resource("key", Object.class, Object::new);
        outer.rollback();

        assertThat(between).containsSame(first);
        assertThat(tx.resource("key", Object.class, Object::new)).isEmpty();
        InMemoryTransactions.Outer next = tx.begin();
        assertThat(tx.resource("key", Object.class, Object::new)).isPresent().get().isNotSameAs(first);
        next.commit();
    }

    @Test
    void aNestedHandleThatRollsBackUndoesOnlyWhatWasWrittenSinceItBegan() {
        InMemoryTransactions.Outer outer = tx.begin();
        insert("a");
        InMemoryTransactions.Outer nested = tx.begin();
        insert("b");
        nested.rollback();

        assertThat(tx.isActive()).isTrue();
        assertThat(exists("a")).isTrue();
        assertThat(exists("b")).isFalse();
        outer.commit();
        assertThat(exists("a")).isTrue();
    }

    @Test
    void aNestedHandleThatCommitsIsStillUndoneByTheOuterRollback() {
        InMemoryTransactions.Outer outer = tx.begin();
        InMemoryTransactions.Outer nested = tx.begin();
        insert("b");
        nested.commit();
        assertThat(tx.isActive()).isTrue();
        outer.rollback();

        assertThat(exists("b")).isFalse();
    }

    @Test
    void anotherThreadWaitsForTheOuterUnitOfWorkAndThenSeesOnlyCommittedState() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            InMemoryTransactions.Outer outer = tx.begin();
            insert("kept");
            CompletableFuture<Boolean> read = CompletableFuture.supplyAsync(() -> exists("kept"), other);
            // The read cannot complete while this thread holds the write lock; it must see the outcome.
            outer.commit();
            assertThat(read.get(30, TimeUnit.SECONDS)).isTrue();

            InMemoryTransactions.Outer second = tx.begin();
            insert("undone");
            CompletableFuture<Boolean> readUndone = CompletableFuture.supplyAsync(() -> exists("undone"), other);
            second.rollback();
            assertThat(readUndone.get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void endingAHandleOnAnotherThreadIsRefusedAndChangesNothing() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            InMemoryTransactions.Outer outer = tx.begin();
            insert("a");
            CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
                try {
                    outer.rollback();
                    return new AssertionError("rollback on another thread was accepted");
                } catch (IllegalStateException expected) {
                    return expected;
                }
            }, other);

            assertThat(attempt.get(30, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only that thread may end it");
            assertThat(outer.isOpen()).isTrue();
            assertThat(tx.isActive()).isTrue();
            outer.commit();
            assertThat(exists("a")).isTrue();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void endingAHandleTwiceIsRefused() {
        InMemoryTransactions.Outer outer = tx.begin();
        outer.commit();

        assertThatThrownBy(outer::rollback).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed");
        assertThatThrownBy(outer::commit).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly once");
        assertThat(tx.isActive()).isFalse();
    }

    @Test
    void endingAnOuterHandleBeforeTheOneNestedInItIsRefused() {
        InMemoryTransactions.Outer outer = tx.begin();
        InMemoryTransactions.Outer nested = tx.begin();

        assertThatThrownBy(outer::commit).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("end the inner one first");
        assertThat(outer.isOpen()).isTrue();
        nested.commit();
        outer.commit();
        assertThat(tx.isActive()).isFalse();
    }
}
