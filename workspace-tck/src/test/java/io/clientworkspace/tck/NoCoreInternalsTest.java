package io.clientworkspace.tck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TCK reaches workspace-core through its public API only: no class of this module, main or test, depends on
 * {@code io.clientworkspace.internal}, the core's plumbing, which may change in any release.
 */
class NoCoreInternalsTest {

    @Test
    void nothingDependsOnTheCoresInternalPackage() {
        CoreBoundary.assertNoCoreInternals(TestData.class, NoCoreInternalsTest.class);
    }

    @Test
    void theCheckSeesThisModulesMainAndTestClassesOnly() {
        assertThat(CoreBoundary.assertNoCoreInternals(TestData.class, NoCoreInternalsTest.class))
                .contains(TestData.class.getName(), NoCoreInternalsTest.class.getName())
                .allMatch(name -> name.startsWith("io.clientworkspace.tck"));
    }
}
