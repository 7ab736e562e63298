package io.clientworkspace.jpa;

/** {@link JpaContractSuite} on POSTGRESQL. */
class PostgresContractIT extends JpaContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    int isolationOperations() {
        return 1500;
    }
}
