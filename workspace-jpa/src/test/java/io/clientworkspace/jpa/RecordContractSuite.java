package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ClientRolesContract;
import io.clientworkspace.tck.LinkedRecordStoreContract;
import io.clientworkspace.tck.LinkedRecordsContract;
import org.junit.jupiter.api.Nested;

/**
 * The workspace-tck contracts of linked records and custom client roles against the JPA stores;
 * {@link H2RecordContractTest} and {@link PostgresRecordContractIT} pick the database.
 */
abstract class RecordContractSuite {

    /** The database this suite runs on. */
    abstract TestDatabase database();

    /** Fresh JPA stores over empty tables (the schema and factory are shared across tests). */
    Stores freshStores() {
        database().reset();
        return JpaStores.create(database().emf());
    }

    @Nested
    class LinkedRecordStores extends LinkedRecordStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class LinkedRecords extends LinkedRecordsContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class ClientRoles extends ClientRolesContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }
}
