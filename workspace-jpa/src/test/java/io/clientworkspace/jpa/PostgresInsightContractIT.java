package io.clientworkspace.jpa;

/** {@link InsightContractSuite} on POSTGRESQL. */
class PostgresInsightContractIT extends InsightContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
