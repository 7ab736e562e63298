package io.clientworkspace.jpa;

/** {@link RecordContractSuite} on H2. */
class H2RecordContractTest extends RecordContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
