package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.spring.WorkspaceProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The WARN the starter logs when it chooses the in-memory stores: why it chose them, checked at startup
 * (which class is missing from the class path, which bean from the context, or the property that asked
 * for them), that the data is lost when the application stops, and only the additions that are actually
 * missing. It names classes by their names, so that it runs on class paths that lack them.
 */
final class InMemoryStoresNotice {

    static final String WORKSPACE_JPA = "io.clientworkspace.jpa.JpaStores";
    static final String JAKARTA_PERSISTENCE = "jakarta.persistence.EntityManagerFactory";
    static final String SPRING_ORM = "org.springframework.orm.jpa.EntityManagerFactoryUtils";
    static final String TRANSACTION_MANAGER = "org.springframework.transaction.PlatformTransactionManager";
    static final String FLYWAY = "org.flywaydb.core.Flyway";

    private InMemoryStoresNotice() {
    }

    /**
     * The message for the in-memory stores chosen under {@code store} (never {@code JPA}, which fails the
     * start instead), given what the class loader and the bean factory hold.
     */
    static String message(WorkspaceProperties.Store store, ClassLoader classLoader, ListableBeanFactory beans) {
        requireNonNull(store, "store must not be null");
        requireNonNull(classLoader, "classLoader must not be null");
        requireNonNull(beans, "beans must not be null");
        String lost = ": all workspace data is lost when the application stops.";
        if (store == WorkspaceProperties.Store.MEMORY) {
            return "Client Workspace Kit is using IN-MEMORY stores because client-workspace.store=memory asks for them"
                    + lost + " Remove the property (or set it to auto) to use the JPA stores when they are available.";
        }
        List<String> missing = new ArrayList<>();
        List<String> add = new ArrayList<>();
        boolean workspaceJpa = ClassUtils.isPresent(WORKSPACE_JPA, classLoader);
        boolean jpa = ClassUtils.isPresent(JAKARTA_PERSISTENCE, classLoader) && ClassUtils.isPresent(SPRING_ORM, classLoader);
        if (!workspaceJpa) {
            missing.add("io.clientworkspace:workspace-jpa is not on the class path");
            add.add("io.clientworkspace:workspace-jpa");
        }
        if (!jpa) {
            missing.add("Jakarta Persistence with Spring ORM is not on the class path (no "
                    + (ClassUtils.isPresent(JAKARTA_PERSISTENCE, classLoader) ? SPRING_ORM : JAKARTA_PERSISTENCE) + ")");
            add.add("spring-boot-starter-data-jpa");
        } else if (!hasBean(beans, JAKARTA_PERSISTENCE, classLoader)) {
            missing.add("the application has no EntityManagerFactory bean (spring-boot-starter-data-jpa makes one"
                    + " from a DataSource)");
        } else if (!hasBean(beans, TRANSACTION_MANAGER, classLoader)) {
            missing.add("the application has no PlatformTransactionManager bean");
        }
        StringBuilder message = new StringBuilder("Client Workspace Kit is using IN-MEMORY stores (client-workspace.store=auto)")
                .append(lost);
        if (missing.isEmpty()) {
            message.append(" workspace-jpa, Jakarta Persistence with Spring ORM, an EntityManagerFactory and a"
                    + " PlatformTransactionManager are all there, but WorkspaceJpaStoresAutoConfiguration did not"
                    + " configure the JPA stores (is it excluded?).");
        } else {
            message.append(" The JPA stores are not used because ").append(String.join(", and ", missing)).append('.');
        }
        if (!add.isEmpty()) {
            message.append(" To keep the data in your database, add ").append(String.join(" and ", add)).append('.');
        }
        if (!ClassUtils.isPresent(FLYWAY, classLoader)) {
            message.append(" Flyway is not on the class path either, so with the JPA stores the kit would not create"
                    + " its tables: add spring-boot-starter-flyway, or apply the scripts in"
                    + " classpath:db/clientworkspace/<database> yourself.");
        }
        return message.toString();
    }

    private static boolean hasBean(ListableBeanFactory beans, String typeName, ClassLoader classLoader) {
        try {
            Class<?> type = ClassUtils.forName(typeName, classLoader);
            return beans.getBeanNamesForType(type, true, false).length > 0;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
