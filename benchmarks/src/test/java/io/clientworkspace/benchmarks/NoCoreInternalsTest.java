package io.clientworkspace.benchmarks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks reaches workspace-core through its public API only: no class of this module, main or test,
 * depends on {@code io.clientworkspace.internal}, the core's plumbing, which may change in any release.
 */
class NoCoreInternalsTest {

    /** This module's own classes: its main and test output directories, nothing from its dependencies. */
    private static final JavaClasses MODULE = new ClassFileImporter().importPaths(
            outputOf(RunAll.class), outputOf(NoCoreInternalsTest.class));

    private static Path outputOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theImportSeesThisModulesMainAndTestClasses() {
        assertThat(MODULE.contain(RunAll.class)).isTrue();
        assertThat(MODULE.contain(NoCoreInternalsTest.class)).isTrue();
        assertThat(MODULE.stream().map(c -> c.getPackageName()))
                .allMatch(p -> p.startsWith("io.clientworkspace.benchmarks"));
    }

    @Test
    void nothingDependsOnTheCoresInternalPackage() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.clientworkspace.internal..")
                .because("io.clientworkspace.internal is workspace-core's plumbing, not part of its API")
                .check(MODULE);
    }
}
