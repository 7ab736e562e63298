package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.StoreFaults;
import io.clientworkspace.template.CreatedWorkspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fault-injection matrix of create-from-template on H2, checked at the SQL level: for every k from 1 to the
 * number of store writes a creation makes, a creation failing at its k-th write leaves every table of the kit with
 * exactly the rows it had (the JPA unit of work is rolled back whole), and a clean retry then succeeds.
 * ({@code TemplatesContract} checks the same through the stores' answers.)
 */
class H2TemplateCreationAtomicityTest {

    private static final TestDatabase DB = TestDatabase.H2;

    @Test
    void aFailureAtEveryStoreWriteLeavesEveryTableAsItWas() {
        DB.reset();
        StoreFaults faults = StoreFaults.around(JpaStores.create(DB.emf()));
        Stores stores = faults.stores();
        TemplateWorld world = new TemplateWorld(stores);
        faults.disarm();
        world.create("probe");
        List<String> steps = faults.writes().stream().map(StoreFaults.Write::step).toList();
        assertThat(steps).as("a creation writes").isNotEmpty();

        List<String> failedSteps = new ArrayList<>();
        for (int k = 1; k <= steps.size(); k++) {
            Map<String, Long> before = TemplateWorld.rowCounts(DB.dataSource());
            faults.failAtWrite(k);

            Throwable thrown = catchThrowable(() -> world.create("target-" + failedSteps.size()));

            faults.disarm();
            assertThat(thrown).as("k=%d (%s)", k, steps.get(k - 1)).isNotNull();
            assertThat(TemplateWorld.rowCounts(DB.dataSource()))
                    .as("rows after a fault at write %d (%s)", k, steps.get(k - 1)).isEqualTo(before);
            CreatedWorkspace retried = world.create("target-" + failedSteps.size());
            assertThat(retried.created()).as("clean retry after a fault at write %d", k).isTrue();
            failedSteps.add(steps.get(k - 1));
        }
        assertThat(failedSteps).isEqualTo(steps);
        System.out.println("H2 create-from-template fault-injection matrix (" + steps.size() + " writes):");
        for (int k = 1; k <= steps.size(); k++) {
            System.out.println("  " + k + " -> " + steps.get(k - 1));
        }
    }
}
