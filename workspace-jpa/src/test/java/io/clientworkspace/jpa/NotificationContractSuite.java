package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.NotificationStoreContract;
import io.clientworkspace.tck.NotificationsContract;
import org.junit.jupiter.api.Nested;

/**
 * The workspace-tck contracts of the notifications feature against the JPA stores, as a plugin author would run
 * them; {@link H2NotificationContractTest} and {@link PostgresNotificationContractIT} pick the database. (A suite of
 * its own beside {@link JpaContractSuite}, so that the features' registrations stay separate files.)
 */
abstract class NotificationContractSuite {

    /** The database this suite runs on. */
    abstract TestDatabase database();

    /** Fresh JPA stores over empty tables (the schema and factory are shared across tests). */
    Stores freshStores() {
        database().reset();
        return JpaStores.create(database().emf());
    }

    @Nested
    class NotificationStore extends NotificationStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Notifications extends NotificationsContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }
}
