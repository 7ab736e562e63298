package io.clientworkspace.spring;

import io.clientworkspace.tck.CoreBoundary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot starter reaches workspace-core through its public API only: no class of this module, main or test, depends on
 * {@code io.clientworkspace.internal}, the core's plumbing, which may change in any release.
 */
class NoCoreInternalsTest {

    @Test
    void nothingDependsOnTheCoresInternalPackage() {
        CoreBoundary.assertNoCoreInternals(io.clientworkspace.spring.autoconfigure.WorkspaceAutoConfiguration.class, NoCoreInternalsTest.class);
    }

    @Test
    void theCheckSeesThisModulesMainAndTestClassesOnly() {
        assertThat(CoreBoundary.assertNoCoreInternals(io.clientworkspace.spring.autoconfigure.WorkspaceAutoConfiguration.class, NoCoreInternalsTest.class))
                .contains(io.clientworkspace.spring.autoconfigure.WorkspaceAutoConfiguration.class.getName(), NoCoreInternalsTest.class.getName())
                .allMatch(name -> name.startsWith("io.clientworkspace.spring"));
    }
}
