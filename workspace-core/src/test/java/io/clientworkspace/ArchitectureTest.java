package io.clientworkspace;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The lines the design draws through workspace-core, held by ArchUnit on the compiled main classes. */
class ArchitectureTest {

    private static final String ROOT = "io.clientworkspace";
    /** Packages that are not features: the SPIs and their in-memory implementations. */
    private static final Set<String> NOT_FEATURES = Set.of("spi", "memory");
    /**
     * The wiring in {@code internal}: the registry of features and what they get while the kit is built.
     * Like the {@code WorkspaceKit}, it names every feature; the plumbing next to it names none.
     */
    private static final Set<String> WIRING = Set.of(ROOT + ".internal.Features", ROOT + ".internal.FeatureContext",
            ROOT + ".internal.KitSettings");

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theImportSeesTheWholeCore() {
        assertThat(CORE.contain(WorkspaceKit.class)).isTrue();
        assertThat(CORE.contain(io.clientworkspace.memory.InMemoryStores.class)).isTrue();
        assertThat(CORE.stream().map(JavaClass::getPackageName).distinct())
                .contains(ROOT + ".tenant", ROOT + ".member", ROOT + ".workspace", ROOT + ".activity",
                        ROOT + ".internal", ROOT + ".spi", ROOT + ".memory")
                .noneMatch(p -> p.contains(".support"));
    }

    @Test
    void coreDependsOnNeitherJakartaPersistenceNorSpring() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.springframework..")
                .check(CORE);
    }

    @Test
    void coreDependsOnNoHibernateButTheValidator() {
        noClasses().should().dependOnClassesThat(
                        resideInAPackage("org.hibernate..").and(not(resideInAPackage("org.hibernate.validator.."))))
                .because("workspace-core must run without Hibernate ORM; only Jakarta Validation's reference implementation is used")
                .check(CORE);
    }

    @Test
    void storeInterfacesAndTheUnitOfWorkLiveOnlyInTheSpiPackage() {
        classes().that(INTERFACES.and(simpleNameEndingWith("Store").or(simpleName("UnitOfWork"))))
                .should().resideInAPackage(ROOT + ".spi")
                .check(CORE);
    }

    /**
     * The feature packages form a layering without cycles. The {@code spi} and {@code memory} packages
     * and the root package are left out of the slices on purpose: the SPIs speak the features' domain
     * records (a {@code WorkspaceStore} stores {@code Workspace}s) while the features' services call
     * the SPIs, which is the intended two-way link between a feature and its storage contract, not a
     * tangle between features; likewise the root holds the ids and errors every feature uses and the
     * {@code WorkspaceKit} that wires them all.
     */
    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().assignedFrom(new FeatureSlices()).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void noFeatureDependsOnTheInMemoryStores() {
        noClasses().that().resideInAnyPackage(ROOT + ".tenant..", ROOT + ".member..", ROOT + ".workspace..",
                        ROOT + ".activity..", ROOT + ".internal..", ROOT + ".spi..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".memory..")
                .check(CORE);
    }

    @Test
    void onlyTheWorkspaceKitReachesIntoTheInMemoryStores() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".memory..").and().doNotBelongToAnyOf(WorkspaceKit.class)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".memory..")
                .check(CORE);
    }

    @Test
    void internalPlumbingDependsOnNoFeatureButActivity() {
        DescribedPredicate<JavaClass> featureOtherThanActivity = resideInAPackage(ROOT + "..")
                .and(not(resideInAnyPackage(ROOT, ROOT + ".internal..", ROOT + ".activity..", ROOT + ".spi..")));
        noClasses().that().resideInAPackage(ROOT + ".internal..")
                .and(not(JavaClass.Predicates.belongToAnyOf(io.clientworkspace.internal.Features.class,
                        io.clientworkspace.internal.FeatureContext.class, io.clientworkspace.internal.KitSettings.class)))
                .should().dependOnClassesThat(featureOtherThanActivity)
                .check(CORE);
    }

    /** One slice per feature package directly below the root; the root, spi, memory and the wiring belong to none. */
    private static final class FeatureSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith(ROOT + ".") || WIRING.contains(javaClass.getName())) {
                return SliceIdentifier.ignore();
            }
            String feature = pkg.substring(ROOT.length() + 1).split("\\.")[0];
            return NOT_FEATURES.contains(feature) ? SliceIdentifier.ignore() : SliceIdentifier.of(feature);
        }

        @Override
        public String getDescription() {
            return "feature packages of " + ROOT + " (without spi, memory and the root)";
        }
    }
}
