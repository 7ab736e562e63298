package io.clientworkspace.jpa;

/** {@link InsightContractSuite} on H2. */
class H2InsightContractTest extends InsightContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
