package io.clientworkspace.examples.portal;

import io.clientworkspace.tck.CoreBoundary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency portal reaches workspace-core through its public API only: no class of this module, main or test, depends on
 * {@code io.clientworkspace.internal}, the core's plumbing, which may change in any release.
 */
class NoCoreInternalsTest {

    @Test
    void nothingDependsOnTheCoresInternalPackage() {
        CoreBoundary.assertNoCoreInternals(AgencyPortalApplication.class, NoCoreInternalsTest.class);
    }

    @Test
    void theCheckSeesThisModulesMainAndTestClassesOnly() {
        assertThat(CoreBoundary.assertNoCoreInternals(AgencyPortalApplication.class, NoCoreInternalsTest.class))
                .contains(AgencyPortalApplication.class.getName(), NoCoreInternalsTest.class.getName())
                .allMatch(name -> name.startsWith("io.clientworkspace.examples.portal"));
    }
}
