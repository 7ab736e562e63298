package io.clientworkspace.jpa;

/** {@link NotificationContractSuite} on PostgreSQL. */
class PostgresNotificationContractIT extends NotificationContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
