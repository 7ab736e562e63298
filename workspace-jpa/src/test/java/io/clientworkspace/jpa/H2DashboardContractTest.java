package io.clientworkspace.jpa;

/** {@link DashboardContractSuite} on H2. */
class H2DashboardContractTest extends DashboardContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
