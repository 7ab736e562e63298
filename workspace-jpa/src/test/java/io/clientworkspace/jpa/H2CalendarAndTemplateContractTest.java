package io.clientworkspace.jpa;

/** {@link CalendarAndTemplateContractSuite} on H2. */
class H2CalendarAndTemplateContractTest extends CalendarAndTemplateContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
