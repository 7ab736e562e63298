package io.clientworkspace.jpa;

import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.CalendarContract;
import io.clientworkspace.tck.CalendarFeedTokenStoreContract;
import io.clientworkspace.tck.ScheduledEventStoreContract;
import io.clientworkspace.tck.TemplateStoreContract;
import io.clientworkspace.tck.TemplatesContract;
import io.clientworkspace.tck.WorkspaceOriginStoreContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;

/**
 * The workspace-tck contracts of the calendar and templates features against the JPA stores, each in a few lines,
 * as a plugin author would run them; {@link H2CalendarAndTemplateContractTest} and
 * {@link PostgresCalendarAndTemplateContractIT} pick the database. (A suite of its own beside
 * {@link JpaContractSuite}, so that the features' registrations stay separate files.)
 */
abstract class CalendarAndTemplateContractSuite {

    /** The database this suite runs on. */
    abstract TestDatabase database();

    /** Fresh JPA stores over empty tables (the schema and factory are shared across tests). */
    Stores freshStores() {
        database().reset();
        return JpaStores.create(database().emf());
    }

    @Nested
    class ScheduledEvents extends ScheduledEventStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class CalendarFeedTokens extends CalendarFeedTokenStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Calendar extends CalendarContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Templates extends TemplateStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class WorkspaceOrigins extends WorkspaceOriginStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class CreateFromTemplate extends TemplatesContract {
        /**
         * A workspace made from a template has projects, so this contract needs the projects feature's JPA stores;
         * until they are registered in {@link JpaFeatures#ALL} it is skipped rather than failed.
         */
        @Override
        protected Stores createStores() {
            Stores stores = freshStores();
            Assumptions.assumeTrue(stores.provides(ProjectStore.class),
                    "the JPA store set provides no ProjectStore yet (projects feature's JPA stores)");
            return stores;
        }
    }
}
