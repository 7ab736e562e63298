package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.AuditContract;
import io.clientworkspace.tck.HandoffsContract;
import org.junit.jupiter.api.Nested;

/**
 * The workspace-tck contracts of handoffs and the audit view against the JPA stores, as a plugin author would run
 * them; {@link H2OpsContractTest} and {@link PostgresOpsContractIT} pick the database. (A suite of its own beside
 * {@link JpaContractSuite}, so that the features' registrations stay separate files.)
 */
abstract class OpsContractSuite {

    /** The database this suite runs on. */
    abstract TestDatabase database();

    /** Fresh JPA stores over empty tables (the schema and factory are shared across tests). */
    Stores freshStores() {
        database().reset();
        return JpaStores.create(database().emf());
    }

    @Nested
    class Handoffs extends HandoffsContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Audit extends AuditContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }
}
