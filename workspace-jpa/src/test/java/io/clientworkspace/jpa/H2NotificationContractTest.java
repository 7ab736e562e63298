package io.clientworkspace.jpa;

/** {@link NotificationContractSuite} on H2. */
class H2NotificationContractTest extends NotificationContractSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
