package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.jpa.JpaTransactions;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.SpringJpaTransactions;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * The JPA stores, on the host's {@link EntityManagerFactory} and Spring transactions, when
 * {@code workspace-jpa} is on the class path and an entity manager factory exists (and
 * {@code client-workspace.store} is not {@code memory}).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({JpaStores.class, EntityManagerFactory.class, EntityManagerFactoryUtils.class})
@ConditionalOnBean({EntityManagerFactory.class, PlatformTransactionManager.class})
@Conditional(OnJpaStoreSelected.class)
public class WorkspaceJpaStoresAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JpaTransactions workspaceJpaTransactions(PlatformTransactionManager transactionManager, EntityManagerFactory emf) {
        return new SpringJpaTransactions(transactionManager, emf);
    }

    @Bean
    @ConditionalOnMissingBean
    Stores workspaceStores(JpaTransactions transactions, ObjectProvider<Clock> clock,
                           ObjectProvider<EntityManagerFactory> emf) {
        // A host @EntityScan without the kit's package fails here, saying so. With several entity manager
        // factories and none primary the check is skipped (the host's own JpaTransactions bean picks one).
        emf.ifUnique(KitEntities::requireMapped);
        return JpaStores.create(transactions, clock.getIfAvailable(Clock::systemUTC));
    }
}
