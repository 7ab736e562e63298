package io.clientworkspace.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot starter reaches workspace-core through its public API only: no class of this module, main or test,
 * depends on {@code io.clientworkspace.internal}, the core's plumbing, which may change in any release.
 */
class NoCoreInternalsTest {

    /** This module's own classes: its main and test output directories, nothing from its dependencies. */
    private static final JavaClasses MODULE = new ClassFileImporter().importPaths(
            outputOf(io.clientworkspace.spring.autoconfigure.WorkspaceAutoConfiguration.class), outputOf(NoCoreInternalsTest.class));

    private static Path outputOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theImportSeesThisModulesMainAndTestClasses() {
        assertThat(MODULE.contain(io.clientworkspace.spring.autoconfigure.WorkspaceAutoConfiguration.class)).isTrue();
        assertThat(MODULE.contain(NoCoreInternalsTest.class)).isTrue();
        assertThat(MODULE.stream().map(c -> c.getPackageName()))
                .allMatch(p -> p.startsWith("io.clientworkspace.spring"));
    }

    @Test
    void nothingDependsOnTheCoresInternalPackage() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.clientworkspace.internal..")
                .because("io.clientworkspace.internal is workspace-core's plumbing, not part of its API")
                .check(MODULE);
    }
}
