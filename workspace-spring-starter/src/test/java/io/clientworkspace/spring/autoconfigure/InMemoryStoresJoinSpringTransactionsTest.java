package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryTenantStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.SpringInMemoryTransactions;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.UserDirectory;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, finding 6: on the in-memory stores (the default without JPA) the kit joins the host's Spring
 * transaction as it does on the JPA stores, so a test on the default behaves like production. The host
 * here has JDBC only (a {@code DataSource} and its {@code JdbcTransactionManager}) and a
 * {@code @Transactional} service of its own.
 */
class InMemoryStoresJoinSpringTransactionsTest {

    /** A host with a database through JDBC, Spring's transactions, and no JPA: the kit chooses the in-memory stores. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
                    org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration.class,
                    org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration.class))
            .withConfiguration(KitAutoConfigurations.ALL)
            .withUserConfiguration(HostApplication.class);

    /** What the host's next step throws. */
    static final class HostStepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostStepFailed() {
            super("the host's next step failed after the kit's changes");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({Onboarding.class, Membership.class, HostListeners.class})
    static class HostApplication {

        @Bean
        UserDirectory userDirectory() {
            return (tenant, user) -> true;
        }

        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }
    }

    /** Every domain event the kit delivers, in order. */
    static final class RecordingListener implements DomainEventListener {
        final List<DomainEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(DomainEvent event) {
            events.add(event);
        }
    }

    /** The host's onboarding: a workspace and its client in one transaction, then the host's own step. */
    @Service
    static class Onboarding {

        private final WorkspaceKit kit;
        private final Membership membership;

        Onboarding(WorkspaceKit kit, Membership membership) {
            this.kit = kit;
            this.membership = membership;
        }

        /** Creates the workspace and adds the client (through another transactional bean), then runs {@code next}. */
        @Transactional
        public WorkspaceId onboard(Actor lead, String slug, Actor client, Runnable next) {
            WorkspaceId id = kit.workspaces().create(lead, NewWorkspace.of("Customer " + slug, slug)).id();
            membership.addClient(lead, id, client);
            next.run();
            return id;
        }

        /** Runs {@code work} in a transaction of the host. */
        @Transactional
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }

    /** A second transactional bean of the host, joined by {@link Onboarding} (propagation REQUIRED). */
    @Service
    static class Membership {

        private final WorkspaceKit kit;

        Membership(WorkspaceKit kit) {
            this.kit = kit;
        }

        @Transactional
        public void addClient(Actor lead, WorkspaceId workspace, Actor client) {
            kit.members().add(lead, workspace, client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        }
    }

    /** Host listeners of the kit's events published as Spring application events. */
    static class HostListeners {

        final List<String> afterCommit = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void onCreatedAfterCommit(WorkspaceEvent.WorkspaceCreated created) {
            afterCommit.add(created.slug());
        }
    }

    /** An agency whose admin alice is a team user, and a client user carol of the same tenant. */
    private record Agency(Actor alice, Actor carol) {
    }

    private static Agency agency(ApplicationContext context) {
        Tenant tenant = context.getBean(WorkspaceKit.class).tenants().create("Northwind Agency", UserId.of("alice"));
        context.getBean(RecordingListener.class).events.clear();
        return new Agency(Actor.team(tenant.id(), "alice"), Actor.client(tenant.id(), "carol"));
    }

    private static Optional<Workspace> workspace(ApplicationContext context, Agency agency, String slug) {
        return context.getBean(Stores.class).workspaces().findBySlug(agency.alice().tenantId(), slug);
    }

    private static Runnable fail() {
        return () -> {
            throw new HostStepFailed();
        };
    }

    @Test
    void theInMemoryStoresRunOnSpringInMemoryTransactions() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PlatformTransactionManager.class);
            assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(JdbcTransactionManager.class);
            Stores stores = context.getBean(Stores.class);
            assertThat(stores.tenants()).isInstanceOf(InMemoryTenantStore.class);
            assertThat(stores.unitOfWork()).isInstanceOf(SpringInMemoryTransactions.class);
        });
    }

    @Test
    void aHostTransactionThatRollsBackLeavesNoWorkspaceMemberActivityOrEvent() {
        runner.run(context -> {
            Agency agency = agency(context);

            assertThatThrownBy(() -> context.getBean(Onboarding.class).onboard(agency.alice(), "acme", agency.carol(), fail()))
                    .isInstanceOf(HostStepFailed.class);

            assertThat(workspace(context, agency, "acme")).isEmpty();
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.workspaces().list(agency.alice(), io.clientworkspace.PageRequest.first(100)).items()).isEmpty();
            assertThat(kit.workspaces().list(agency.carol(), io.clientworkspace.PageRequest.first(100)).items()).isEmpty();
            assertThat(context.getBean(RecordingListener.class).events).isEmpty();
            assertThat(context.getBean(HostListeners.class).afterCommit).isEmpty();
        });
    }

    @Test
    void aRolledBackMembershipNeverGrantsAlsoWhenTheCacheWasAskedInsideTheTransaction() {
        runner.run(context -> {
            Agency agency = agency(context);
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            WorkspaceId acme = kit.workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme")).id();
            List<Boolean> inside = new CopyOnWriteArrayList<>();
            Stores stores = context.getBean(Stores.class);
            Optional<io.clientworkspace.activity.ActivityEntry> activityBefore = stores.activity().latest(agency.alice().tenantId(), acme);

            assertThatThrownBy(() -> context.getBean(Onboarding.class).inTransaction(() -> {
                context.getBean(Membership.class).addClient(agency.alice(), acme, agency.carol());
                inside.add(kit.authorizer().can(agency.carol(), acme, Permission.VIEW_WORKSPACE));
                throw new HostStepFailed();
            })).isInstanceOf(HostStepFailed.class);

            assertThat(inside).as("carol may see the workspace inside the transaction").containsExactly(true);
            assertThat(kit.authorizer().can(agency.carol(), acme, Permission.VIEW_WORKSPACE)).as("after the rollback").isFalse();
            assertThat(stores.memberships().find(agency.alice().tenantId(), acme, agency.carol().userId())).isEmpty();
            assertThat(stores.activity().latest(agency.alice().tenantId(), acme)).as("no activity entry of the rollback")
                    .isEqualTo(activityBefore).isPresent();
        });
    }

    @Test
    void aHostTransactionThatCommitsKeepsEverythingAndDeliversEachEventOnceAfterTheCommit() {
        runner.run(context -> {
            Agency agency = agency(context);
            RecordingListener recorded = context.getBean(RecordingListener.class);
            List<Integer> eventsSeenInside = new CopyOnWriteArrayList<>();

            WorkspaceId acme = context.getBean(Onboarding.class).onboard(agency.alice(), "acme", agency.carol(),
                    () -> eventsSeenInside.add(recorded.events.size()));

            assertThat(eventsSeenInside).as("no event before the commit").containsExactly(0);
            assertThat(workspace(context, agency, "acme")).isPresent();
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.members().find(agency.alice(), acme, agency.carol().userId())).isPresent();
            assertThat(kit.authorizer().can(agency.carol(), acme, Permission.UPLOAD_FILES)).isTrue();
            assertThat(recorded.events).isNotEmpty().doesNotHaveDuplicates();
            assertThat(recorded.events).filteredOn(WorkspaceEvent.WorkspaceCreated.class::isInstance).hasSize(1);
            assertThat(context.getBean(HostListeners.class).afterCommit).containsExactly("acme");
        });
    }

    @Test
    void theKitCallsOfAHostTransactionNestInOneUnitOfWorkThatIsActiveBetweenThem() {
        runner.run(context -> {
            Agency agency = agency(context);
            Stores stores = context.getBean(Stores.class);
            List<Boolean> activeBetweenCalls = new CopyOnWriteArrayList<>();

            assertThatThrownBy(() -> context.getBean(Onboarding.class).onboard(agency.alice(), "acme", agency.carol(), () -> {
                activeBetweenCalls.add(stores.unitOfWork().isActive());
                // A second workspace created by a nested kit call of the same transaction.
                context.getBean(WorkspaceKit.class).workspaces().create(agency.alice(), NewWorkspace.of("Globex", "globex"));
                throw new HostStepFailed();
            })).isInstanceOf(HostStepFailed.class);

            assertThat(activeBetweenCalls).containsExactly(true);
            assertThat(stores.unitOfWork().isActive()).isFalse();
            assertThat(workspace(context, agency, "acme")).isEmpty();
            assertThat(workspace(context, agency, "globex")).isEmpty();
        });
    }

    @Test
    void anotherThreadsKitReadWaitsForTheHostTransactionAndThenSeesOnlyCommittedState() {
        runner.run(context -> {
            Agency agency = agency(context);
            AtomicReference<CompletableFuture<Boolean>> read = new AtomicReference<>();

            assertThatThrownBy(() -> context.getBean(Onboarding.class).onboard(agency.alice(), "acme", agency.carol(), () -> {
                read.set(readOnAnotherThreadOnceItWaits(() -> workspace(context, agency, "acme").isPresent()));
                throw new HostStepFailed();
            })).isInstanceOf(HostStepFailed.class);
            assertThat(read.get().get(30, TimeUnit.SECONDS)).as("the rolled-back workspace, read by another thread").isFalse();

            context.getBean(Onboarding.class).onboard(agency.alice(), "globex", agency.carol(),
                    () -> read.set(readOnAnotherThreadOnceItWaits(() -> workspace(context, agency, "globex").isPresent())));
            assertThat(read.get().get(30, TimeUnit.SECONDS)).as("the committed workspace, read by another thread").isTrue();
        });
    }

    /**
     * Starts {@code read} on a new thread and returns once that thread is parked (waiting for the lock the
     * calling transaction holds), so that the read cannot have happened before the transaction ends.
     */
    private static CompletableFuture<Boolean> readOnAnotherThreadOnceItWaits(Supplier<Boolean> read) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                result.complete(read.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "kit-reader");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // TIMED_WAITING: the stores' lock is waited for at most the lock timeout.
        while (reader.getState() != Thread.State.WAITING && reader.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline || result.isDone()) {
                throw new AssertionError("the reader did not wait for the host's transaction (state "
                        + reader.getState() + ", done " + result.isDone() + ")");
            }
            Thread.onSpinWait();
        }
        return result;
    }

    @Test
    void aResourceOfAHostTransactionLivesFromBeforeItsFirstKitWriteUntilItEnds() {
        runner.run(context -> {
            io.clientworkspace.spi.UnitOfWork unitOfWork = context.getBean(Stores.class).unitOfWork();
            Agency agency = agency(context);
            Object key = new Object();
            Supplier<java.util.concurrent.atomic.AtomicInteger> counter = () -> unitOfWork
                    .resource(key, java.util.concurrent.atomic.AtomicInteger.class, java.util.concurrent.atomic.AtomicInteger::new)
                    .orElseThrow();

            Integer seen = context.getBean(Onboarding.class).inTransaction(() -> {
                counter.get().incrementAndGet();
                context.getBean(WorkspaceKit.class).workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme"));
                return unitOfWork.execute(() -> counter.get().incrementAndGet());
            });

            assertThat(seen).isEqualTo(2);
            assertThat(unitOfWork.resource(key, Object.class, Object::new)).as("after the transaction").isEmpty();
            assertThat(TransactionSynchronizationManager.hasResource(key)).isFalse();
        });
    }

    @Test
    void withoutASpringTransactionEachKitCallCommitsOnItsOwnAsBefore() {
        runner.run(context -> {
            Agency agency = agency(context);
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);

            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
            kit.workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme"));

            assertThat(context.getBean(Stores.class).unitOfWork().isActive()).isFalse();
            assertThat(context.getBean(RecordingListener.class).events).as("delivered when the call returned")
                    .filteredOn(WorkspaceEvent.WorkspaceCreated.class::isInstance).hasSize(1);
            assertThat(workspace(context, agency, "acme")).isPresent();
        });
    }

    @Test
    void aKitCallFromAnAfterCommitListenerIsCommittedAndReleasesTheStores() {
        runner.withUserConfiguration(FollowUp.class).run(context -> {
            Agency agency = agency(context);
            context.getBean(FollowUp.class).lead.set(agency.alice());

            context.getBean(Onboarding.class).onboard(agency.alice(), "acme", agency.carol(), () -> { });

            assertThat(workspace(context, agency, "acme-follow-up")).isPresent();
            assertThat(context.getBean(Stores.class).unitOfWork().isActive()).isFalse();
            assertThat(CompletableFuture.supplyAsync(() -> workspace(context, agency, "acme-follow-up").isPresent())
                    .get(30, TimeUnit.SECONDS)).as("read by another thread").isTrue();
        });
    }

    /** A host listener that creates a follow-up workspace through the kit when one is created. */
    static class FollowUp {
        final AtomicReference<Actor> lead = new AtomicReference<>();
        private final ApplicationContext context;

        FollowUp(ApplicationContext context) {
            this.context = context;
        }

        @EventListener
        void onCreated(WorkspaceEvent.WorkspaceCreated created) {
            if (!created.slug().endsWith("-follow-up")) {
                context.getBean(WorkspaceKit.class).workspaces()
                        .create(lead.get(), NewWorkspace.of("Follow-up", created.slug() + "-follow-up"));
            }
        }
    }

    @Test
    void aKitWriteInsideAReadOnlyTransactionIsRefusedAndChangesNothing() {
        runner.run(context -> {
            Agency agency = agency(context);
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);

            assertThatThrownBy(() -> readOnly.executeWithoutResult(status ->
                    kit.workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only Spring transaction")
                    .hasMessageContaining("@Transactional(readOnly = true)");

            assertThat(workspace(context, agency, "acme")).isEmpty();
            List<Workspace> readInside = readOnly.execute(status -> kit.workspaces().list(agency.alice(),
                    io.clientworkspace.PageRequest.first(10)).items());
            assertThat(readInside).as("reads work").isEmpty();
        });
    }

    @Test
    void aRequiresNewTransactionOnTheSameThreadNestsLikeASavepoint() {
        runner.run(context -> {
            Agency agency = agency(context);
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            TransactionTemplate requiresNew = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

            context.getBean(Onboarding.class).inTransaction(() -> {
                kit.workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme"));
                assertThatThrownBy(() -> requiresNew.executeWithoutResult(status -> {
                    kit.workspaces().create(agency.alice(), NewWorkspace.of("Globex", "globex"));
                    throw new HostStepFailed();
                })).isInstanceOf(HostStepFailed.class);
                return null;
            });

            assertThat(workspace(context, agency, "acme")).isPresent();
            assertThat(workspace(context, agency, "globex")).isEmpty();
        });
    }

    /** A host event, published inside a host transaction before its first kit write. */
    record Onboarded(String slug) {
    }

    /**
     * Host listeners of {@link Onboarded} that run when the transaction has ended, read through the kit
     * whether the onboarded workspace exists, and record it in a workspace of their own.
     */
    static class OutcomeListeners {
        final AtomicReference<Actor> lead = new AtomicReference<>();
        final List<Boolean> sawTheWorkspace = new CopyOnWriteArrayList<>();
        private final ApplicationContext context;

        OutcomeListeners(ApplicationContext context) {
            this.context = context;
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
        void afterRollback(Onboarded onboarded) {
            record(onboarded, "-rolled-back");
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
        void afterCommit(Onboarded onboarded) {
            record(onboarded, "-welcome");
        }

        private void record(Onboarded onboarded, String suffix) {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            sawTheWorkspace.add(kit.workspaces().list(lead.get(), io.clientworkspace.PageRequest.first(100)).items().stream()
                    .anyMatch(workspace -> workspace.slug().equals(onboarded.slug())));
            kit.workspaces().create(lead.get(), NewWorkspace.of("Outcome", onboarded.slug() + suffix));
        }
    }

    /** Publishes {@link Onboarded} for {@code slug}, then creates that workspace through the kit, then runs {@code next}. */
    private static void onboardAfterPublishing(ApplicationContext context, Agency agency, String slug, Runnable next) {
        context.getBean(OutcomeListeners.class).lead.set(agency.alice());
        context.getBean(Onboarding.class).inTransaction(() -> {
            context.publishEvent(new Onboarded(slug));
            context.getBean(WorkspaceKit.class).workspaces().create(agency.alice(), NewWorkspace.of("Customer", slug));
            next.run();
            return null;
        });
    }

    @Test
    void anAfterRollbackListenerRegisteredBeforeTheFirstKitWriteSeesNoneOfTheRolledBackWorkAndItsKitWriteIsKept() {
        runner.withUserConfiguration(OutcomeListeners.class).run(context -> {
            Agency agency = agency(context);

            assertThatThrownBy(() -> onboardAfterPublishing(context, agency, "acme", fail())).isInstanceOf(HostStepFailed.class);

            assertThat(context.getBean(OutcomeListeners.class).sawTheWorkspace).as("the listener's read").containsExactly(false);
            assertThat(workspace(context, agency, "acme")).isEmpty();
            assertThat(workspace(context, agency, "acme-rolled-back")).as("the listener's write").isPresent();
            assertThat(context.getBean(Stores.class).unitOfWork().isActive()).isFalse();
            assertThat(CompletableFuture.supplyAsync(() -> workspace(context, agency, "acme-rolled-back").isPresent())
                    .get(30, TimeUnit.SECONDS)).as("read by another thread").isTrue();
        });
    }

    @Test
    void anAfterCommitListenerRegisteredBeforeTheFirstKitWriteSeesTheCommittedWorkAndItsKitWriteIsKept() {
        runner.withUserConfiguration(OutcomeListeners.class).run(context -> {
            Agency agency = agency(context);

            onboardAfterPublishing(context, agency, "acme", () -> { });

            assertThat(context.getBean(OutcomeListeners.class).sawTheWorkspace).as("the listener's read").containsExactly(true);
            assertThat(workspace(context, agency, "acme")).isPresent();
            assertThat(workspace(context, agency, "acme-welcome")).as("the listener's write, in a unit of work of its own")
                    .isPresent();
            assertThat(context.getBean(Stores.class).unitOfWork().isActive()).isFalse();
            assertThat(CompletableFuture.supplyAsync(() -> workspace(context, agency, "acme-welcome").isPresent())
                    .get(30, TimeUnit.SECONDS)).as("read by another thread").isTrue();
        });
    }

    @Test
    void aSpringCommitThatFailsWithAnUnknownOutcomeRollsTheKitBack() {
        runner.run(context -> {
            Agency agency = agency(context);
            // The database does not answer the commit: Spring completes the transaction with STATUS_UNKNOWN.
            JdbcTransactionManager failingCommit = new JdbcTransactionManager(context.getBean(javax.sql.DataSource.class)) {
                private static final long serialVersionUID = 1L;

                @Override
                protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
                    throw new TransactionSystemException("the database did not answer the commit");
                }
            };

            assertThatThrownBy(() -> new TransactionTemplate(failingCommit).executeWithoutResult(status ->
                    context.getBean(WorkspaceKit.class).workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme"))))
                    .isInstanceOf(TransactionSystemException.class);

            assertThat(workspace(context, agency, "acme")).isEmpty();
            assertThat(context.getBean(RecordingListener.class).events).isEmpty();
            assertThat(context.getBean(Stores.class).unitOfWork().isActive()).isFalse();
        });
    }

    @Test
    void anOuterRollbackAlsoUndoesACommittedRequiresNewTransactionOnTheSameThreadAndItsEvents() {
        runner.run(context -> {
            Agency agency = agency(context);
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            TransactionTemplate requiresNew = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

            assertThatThrownBy(() -> context.getBean(Onboarding.class).inTransaction(() -> {
                kit.workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme"));
                requiresNew.executeWithoutResult(status ->
                        kit.workspaces().create(agency.alice(), NewWorkspace.of("Globex", "globex")));
                throw new HostStepFailed();
            })).isInstanceOf(HostStepFailed.class);

            // The documented savepoint semantics: a database would keep globex.
            assertThat(workspace(context, agency, "acme")).isEmpty();
            assertThat(workspace(context, agency, "globex")).isEmpty();
            assertThat(context.getBean(RecordingListener.class).events).as("no event of either").isEmpty();
        });
    }

    @Test
    void aKitCallOfAnotherThreadIsRefusedAfterTheLockTimeoutNamingTheThreadOfTheHostTransaction() {
        runner.withPropertyValues("client-workspace.memory.lock-timeout=200ms").run(context -> {
            Agency agency = agency(context);
            AtomicReference<Throwable> refused = new AtomicReference<>();

            context.getBean(Onboarding.class).inTransaction(() -> {
                context.getBean(WorkspaceKit.class).workspaces().create(agency.alice(), NewWorkspace.of("Acme", "acme"));
                // What a @Transactional test does when it calls its own server or waits for an @Async kit call.
                CompletableFuture<Boolean> read = new CompletableFuture<>();
                Thread server = new Thread(() -> {
                    try {
                        read.complete(workspace(context, agency, "acme").isPresent());
                    } catch (RuntimeException | Error e) {
                        read.completeExceptionally(e);
                    }
                }, "http-nio-exec-1");
                server.start();
                try {
                    read.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.set(e.getCause());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return null;
            });

            assertThat(refused.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Thread 'http-nio-exec-1' waited 200 ms")
                    .hasMessageContaining("thread '" + Thread.currentThread().getName() + "' holds")
                    .hasMessageContaining("Spring transaction on that thread has written through the in-memory stores")
                    .hasMessageContaining("client-workspace.memory.lock-timeout");
            assertThat(workspace(context, agency, "acme")).as("the host transaction committed").isPresent();
        });
    }

    @Test
    void aLockTimeoutThatIsNotPositiveFailsTheStartup() {
        runner.withPropertyValues("client-workspace.memory.lock-timeout=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("client-workspace.memory.lock-timeout=PT0S is not a positive duration"));
    }

    @Test
    void withoutSpringTransactionsOnTheClassPathTheStoresKeepTheirOwnUnitOfWork() {
        new ApplicationContextRunner().withConfiguration(KitAutoConfigurations.ALL)
                .withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader("org.springframework.transaction"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Stores.class).unitOfWork())
                            .isInstanceOf(io.clientworkspace.memory.InMemoryTransactions.class);
                    KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
                });
    }

    @Test
    void withoutAnyTransactionManagerTheKitWorksAsBefore() {
        new ApplicationContextRunner().withConfiguration(KitAutoConfigurations.ALL).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(PlatformTransactionManager.class);
            assertThat(context.getBean(Stores.class).unitOfWork()).isInstanceOf(SpringInMemoryTransactions.class);
            Workspace created = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
            assertThat(context.getBean(Stores.class).workspaces().find(created.tenantId(), created.id())).contains(created);
            assertThat(context.getBean(Stores.class).unitOfWork().isActive()).isFalse();
        });
    }
}
