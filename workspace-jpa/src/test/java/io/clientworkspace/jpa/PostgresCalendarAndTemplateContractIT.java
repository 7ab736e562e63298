package io.clientworkspace.jpa;

/** {@link CalendarAndTemplateContractSuite} on POSTGRESQL. */
class PostgresCalendarAndTemplateContractIT extends CalendarAndTemplateContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
