package io.clientworkspace.jpa;

/** {@link OpsContractSuite} on POSTGRESQL. */
class PostgresOpsContractIT extends OpsContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
