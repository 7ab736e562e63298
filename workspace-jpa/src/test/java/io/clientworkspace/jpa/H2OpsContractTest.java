package io.clientworkspace.jpa;

/** {@link OpsContractSuite} on H2. */
class H2OpsContractTest extends OpsContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
