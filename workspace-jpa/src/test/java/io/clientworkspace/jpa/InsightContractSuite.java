package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.InsightStoreContract;
import io.clientworkspace.tck.InsightsContract;
import org.junit.jupiter.api.Nested;

/**
 * The workspace-tck contracts of the insights feature against the JPA stores; {@link H2InsightContractTest} and
 * {@link PostgresInsightContractIT} pick the database. (A suite of its own, so that the feature's registrations
 * stay separate files.)
 */
abstract class InsightContractSuite {

    /** The database this suite runs on. */
    abstract TestDatabase database();

    /** Fresh JPA stores over empty tables (the schema and factory are shared across tests). */
    Stores freshStores() {
        database().reset();
        return JpaStores.create(database().emf());
    }

    @Nested
    class Store extends InsightStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Insights extends InsightsContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }
}
