package io.clientworkspace.jpa;

/** {@link RecordContractSuite} on POSTGRESQL. */
class PostgresRecordContractIT extends RecordContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
