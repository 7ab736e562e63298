package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spi.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link UnitOfWork#isActive()} and {@link UnitOfWork#resource} of the kit's unit of work on Spring's
 * transactions (JPA stores, H2): a host transaction counts even when no kit call is running, and a
 * resource lives exactly as long as the host's transaction, however it ends.
 */
class SpringTransactionResourcesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.JPA)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");

    private static UnitOfWork unitOfWork(ApplicationContext context) {
        return context.getBean(Stores.class).unitOfWork();
    }

    private static TransactionTemplate hostTransaction(ApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    private static Optional<AtomicInteger> counter(UnitOfWork unitOfWork, Object key) {
        return unitOfWork.resource(key, AtomicInteger.class, AtomicInteger::new);
    }

    @Test
    void aHostTransactionIsActiveForTheKitAlsoBetweenKitCalls() {
        runner.run(context -> {
            UnitOfWork unitOfWork = unitOfWork(context);

            assertThat(unitOfWork.isActive()).as("outside").isFalse();
            Boolean inside = hostTransaction(context).execute(status -> unitOfWork.isActive());

            assertThat(inside).as("inside the host's transaction").isTrue();
            assertThat(unitOfWork.isActive()).as("after it").isFalse();
        });
    }

    @Test
    void aResourceBoundInAHostTransactionIsTheOneTheKitsUnitOfWorkSeesInsideIt() {
        runner.run(context -> {
            UnitOfWork unitOfWork = unitOfWork(context);
            Object key = new Object();

            Integer seen = hostTransaction(context).execute(status -> {
                counter(unitOfWork, key).orElseThrow().incrementAndGet();
                return unitOfWork.execute(() -> counter(unitOfWork, key).orElseThrow().incrementAndGet());
            });

            assertThat(seen).isEqualTo(2);
            assertThat(counter(unitOfWork, key)).as("outside").isEmpty();
        });
    }

    @Test
    void aResourceIsUnboundWhenTheHostTransactionCommitsOrRollsBack() {
        runner.run(context -> {
            UnitOfWork unitOfWork = unitOfWork(context);
            Object key = new Object();
            AtomicReference<AtomicInteger> first = new AtomicReference<>();

            hostTransaction(context).executeWithoutResult(status -> first.set(counter(unitOfWork, key).orElseThrow()));
            assertThat(TransactionSynchronizationManager.hasResource(key)).as("after the commit").isFalse();
            catchThrowable(() -> hostTransaction(context).executeWithoutResult(status -> {
                assertThat(counter(unitOfWork, key).orElseThrow()).as("in the next transaction").isNotSameAs(first.get());
                first.set(counter(unitOfWork, key).orElseThrow());
                throw new IllegalStateException("roll back");
            }));

            assertThat(TransactionSynchronizationManager.hasResource(key)).as("after the rollback").isFalse();
            hostTransaction(context).executeWithoutResult(status -> assertThat(counter(unitOfWork, key).orElseThrow())
                    .as("in a transaction after the rollback").isNotSameAs(first.get()));
        });
    }

    @Test
    void aResourceFirstAskedForWhileAfterCommitCallbacksRunDoesNotLeakIntoTheNextTransaction() {
        runner.run(context -> {
            UnitOfWork unitOfWork = unitOfWork(context);
            Object key = new Object();
            AtomicReference<AtomicInteger> inCallback = new AtomicReference<>();

            hostTransaction(context).executeWithoutResult(status ->
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            inCallback.set(counter(unitOfWork, key).orElseThrow());
                        }
                    }));

            assertThat(inCallback.get()).as("bound during afterCommit").isNotNull();
            assertThat(TransactionSynchronizationManager.hasResource(key)).as("after the transaction").isFalse();
        });
    }

    @Test
    void aTransactionBegunWithRequiresNewInsideAHostTransactionIsActiveToo() {
        runner.run(context -> {
            UnitOfWork unitOfWork = unitOfWork(context);
            TransactionTemplate requiresNew = hostTransaction(context);
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            Object key = new Object();

            Boolean activeInside = hostTransaction(context).execute(status -> {
                counter(unitOfWork, key).orElseThrow();
                Boolean nested = requiresNew.execute(inner -> unitOfWork.isActive() && counter(unitOfWork, key).isPresent());
                return nested && unitOfWork.isActive();
            });

            assertThat(activeInside).isTrue();
            assertThat(TransactionSynchronizationManager.hasResource(key)).as("after both").isFalse();
        });
    }
}
