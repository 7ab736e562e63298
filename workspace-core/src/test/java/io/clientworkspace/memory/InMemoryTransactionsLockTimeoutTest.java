package io.clientworkspace.memory;

import io.clientworkspace.TenantId;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12 review (M3, nit 9): a thread never waits for the in-memory stores forever (a lock timeout, and
 * interrupts are honoured), the refusal names the thread holding them, and an undo that throws never leaves
 * the stores believing a unit of work is still open.
 */
class InMemoryTransactionsLockTimeoutTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    /** A short timeout, so that the refused waits of these tests end soon; nothing asserts how long they take. */
    private final Stores stores = InMemoryStores.create(Duration.ofMillis(200));
    private final InMemoryTransactions tx = (InMemoryTransactions) stores.unitOfWork();
    private final TenantStore tenants = stores.tenants();

    private static Tenant tenant(String id) {
        return new Tenant(TenantId.of(id), "Agency " + id, NOW, 0);
    }

    private boolean exists(String id) {
        return tenants.find(TenantId.of(id)).isPresent();
    }

    /** Runs {@code call} on a new thread named {@code name} and returns what it threw. */
    private static Throwable thrownOnThread(String name, Supplier<?> call) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.start();
        try {
            result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the call on " + name + " did not fail");
    }

    @Test
    void aWriteThatWaitsLongerThanTheLockTimeoutIsRefusedNamingTheThreadThatHoldsTheStores() throws Exception {
        InMemoryTransactions.Outer outer = tx.begin();
        tenants.insert(tenant("held"));

        Throwable refused = thrownOnThread("kit-writer", () -> tx.execute(() -> tenants.insert(tenant("waiting"))));

        assertThat(refused).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Thread 'kit-writer' waited 200 ms")
                .hasMessageContaining("thread '" + Thread.currentThread().getName() + "' holds")
                .hasMessageContaining("has written through the in-memory stores and has not ended")
                .hasMessageContaining("serialize transactions")
                .hasMessageContaining("end its transaction first, or use the JPA stores");
        outer.commit();
        assertThat(exists("waiting")).as("the refused write changed nothing").isFalse();
        assertThat(exists("held")).as("the holder's unit of work is unaffected").isTrue();
    }

    @Test
    void aReadThatWaitsLongerThanTheLockTimeoutIsRefusedNamingTheThreadThatHoldsTheStores() throws Exception {
        InMemoryTransactions.Outer outer = tx.begin();
        try {
            tenants.insert(tenant("held"));

            Throwable refused = thrownOnThread("kit-reader", () -> exists("held"));

            assertThat(refused).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Thread 'kit-reader' waited 200 ms")
                    .hasMessageContaining("thread '" + Thread.currentThread().getName() + "' holds");
        } finally {
            outer.rollback();
        }
    }

    @Test
    void aBeginThatWaitsLongerThanTheLockTimeoutIsRefused() throws Exception {
        InMemoryTransactions.Outer outer = tx.begin();
        try {
            Throwable refused = thrownOnThread("kit-begin", tx::begin);

            assertThat(refused).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("thread '" + Thread.currentThread().getName() + "' holds");
        } finally {
            outer.rollback();
        }
        assertThat(tx.isActive()).isFalse();
    }

    @Test
    void aThreadInterruptedWhileItWaitsIsRefusedAndKeepsItsInterruptFlag() throws Exception {
        Stores patient = InMemoryStores.create();
        InMemoryTransactions patientTx = (InMemoryTransactions) patient.unitOfWork();
        InMemoryTransactions.Outer outer = patientTx.begin();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try {
            Throwable refused = thrownOnThread("kit-interrupted", () -> {
                Thread.currentThread().interrupt();
                try {
                    return patientTx.execute(() -> patient.tenants().insert(tenant("waiting")));
                } finally {
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });

            assertThat(refused).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Interrupted while thread 'kit-interrupted' waited")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(stillInterrupted).isTrue();
        } finally {
            outer.commit();
        }
        assertThat(patient.tenants().find(TenantId.of("waiting"))).isEmpty();
    }

    @Test
    void anInterruptedThreadStillUsesStoresThatNobodyHolds() {
        Thread.currentThread().interrupt();
        try {
            tx.execute(() -> tenants.insert(tenant("a")));
            assertThat(exists("a")).isTrue();
        } finally {
            assertThat(Thread.interrupted()).as("the flag is left as it was").isTrue();
        }
    }

    @Test
    void aLockTimeoutMustBePositive() {
        assertThatThrownBy(() -> new InMemoryTransactions(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InMemoryStores.create(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Journals a write whose undo throws. */
    private void writeWithAFailingUndo() {
        tx.write(() -> new InMemoryTransactions.Undoable<Void>(null, () -> {
            throw new IllegalStateException("the undo failed");
        }));
    }

    @Test
    void anUndoThatThrowsInAFailedExecuteStillUndoesTheRestAndClosesTheUnitOfWork() throws Exception {
        assertThatThrownBy(() -> tx.execute(() -> {
            tenants.insert(tenant("a"));
            writeWithAFailingUndo();
            throw new IllegalArgumentException("the work failed");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("the work failed")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                        .isEqualTo("the undo failed"));

        assertThat(exists("a")).as("the other writes are undone").isFalse();
        assertTheNextUnitOfWorkIsOutermost();
    }

    @Test
    void anUndoThatThrowsInARollbackStillUndoesTheRestAndClosesTheUnitOfWork() throws Exception {
        InMemoryTransactions.Outer outer = tx.begin();
        tenants.insert(tenant("a"));
        writeWithAFailingUndo();

        assertThatThrownBy(outer::rollback).isInstanceOf(IllegalStateException.class).hasMessage("the undo failed");

        assertThat(outer.isOpen()).isFalse();
        assertThat(exists("a")).as("the other writes are undone").isFalse();
        assertTheNextUnitOfWorkIsOutermost();
    }

    /** The next unit of work commits on its own (its after-commit action runs) and the lock is free. */
    private void assertTheNextUnitOfWorkIsOutermost() throws Exception {
        assertThat(tx.isActive()).isFalse();
        AtomicInteger ran = new AtomicInteger();
        tx.execute(() -> {
            tenants.insert(tenant("b"));
            tx.afterCommit(ran::incrementAndGet);
            return null;
        });
        assertThat(ran).as("committed, not nested in a unit of work left open").hasValue(1);
        assertThat(CompletableFuture.supplyAsync(() -> exists("b")).get(60, TimeUnit.SECONDS))
                .as("read by another thread").isTrue();
    }
}
