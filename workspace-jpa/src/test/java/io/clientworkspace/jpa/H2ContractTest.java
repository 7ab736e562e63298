package io.clientworkspace.jpa;

/** {@link JpaContractSuite} on H2. */
class H2ContractTest extends JpaContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    int isolationOperations() {
        return 500;
    }
}
