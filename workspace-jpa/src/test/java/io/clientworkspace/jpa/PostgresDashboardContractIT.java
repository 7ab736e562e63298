package io.clientworkspace.jpa;

/** {@link DashboardContractSuite} on POSTGRESQL. */
class PostgresDashboardContractIT extends DashboardContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
