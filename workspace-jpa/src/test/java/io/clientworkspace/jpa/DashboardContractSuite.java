package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.DashboardContract;
import io.clientworkspace.tck.DashboardRebuildContract;
import io.clientworkspace.tck.DashboardStoreContract;
import org.junit.jupiter.api.Nested;

/**
 * The workspace-tck contracts of the operator dashboard against the JPA stores, each in a few lines, as a plugin author
 * would run them; {@link H2DashboardContractTest} and {@link PostgresDashboardContractIT} pick the database. (A suite
 * of its own beside {@link JpaContractSuite}, so that the features' registrations stay separate files.)
 */
abstract class DashboardContractSuite {

    /** The database this suite runs on. */
    abstract TestDatabase database();

    /** Fresh JPA stores over empty tables (the schema and factory are shared across tests). */
    Stores freshStores() {
        database().reset();
        return JpaStores.create(database().emf());
    }

    @Nested
    class DashboardStore extends DashboardStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Dashboard extends DashboardContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class DashboardRebuild extends DashboardRebuildContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }
}
