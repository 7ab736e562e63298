package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceConfigurationException;
import io.clientworkspace.spring.WorkspaceConfigurationFailureAnalyzer;
import io.clientworkspace.spring.autoconfigure.hostentities.Customer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A host {@code @EntityScan} that leaves out the kit's entity package stops the start with Boot's failure report
 * naming the unmapped entities and the fix, instead of an {@code UnknownEntityException} on the first kit call.
 */
@ExtendWith(OutputCaptureExtension.class)
class KitEntitiesStartupCheckTest {

    private static final String KIT_ENTITY_PACKAGE = "io.clientworkspace.jpa.entity";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.JPA)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop");

    @Test
    void aHostEntityScanWithoutTheKitsPackageFailsTheStartNamingTheEntitiesAndTheFix() {
        runner.withUserConfiguration(HostEntityScan.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(WorkspaceConfigurationException.class);
            FailureAnalysis analysis = new WorkspaceConfigurationFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("CwkTenant", "CwkWorkspace", "@EntityScan");
            assertThat(analysis.getAction()).contains("@EntityScan(basePackageClasses = YourEntity.class, basePackages = \""
                    + KIT_ENTITY_PACKAGE + "\")", "JpaStores.ENTITY_CLASSES");
        });
    }

    @Test
    void aHostEntityScanThatAddsTheKitsPackageStartsAndTheKitWorks() {
        runner.withUserConfiguration(HostEntityScanWithTheKit.class).run(context -> {
            assertThat(context).hasNotFailed();
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));
        });
    }

    @Test
    void withoutAHostEntityScanTheKitsEntitiesAreMappedNextToNoOthers() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class));
    }

    @Test
    void theInMemoryStoresNeedNoKitEntities() {
        runner.withUserConfiguration(HostEntityScan.class).withPropertyValues("client-workspace.store=memory")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class));
    }

    @Test
    void aSpringBootStartWithTheWrongEntityScanPrintsTheFailureReport(CapturedOutput output) {
        SpringApplication app = new SpringApplication(HostApplication.class);
        app.setDefaultProperties(java.util.Map.of(
                "spring.main.web-application-type", "none",
                "spring.datasource.url", "jdbc:h2:mem:entity-scan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto", "create-drop",
                "spring.main.banner-mode", "off"));

        assertThatThrownBy(app::run).rootCause().isInstanceOf(WorkspaceConfigurationException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:", "CwkTenant", "Action:",
                "basePackages = \"" + KIT_ENTITY_PACKAGE + "\"");
    }

    @Test
    void hibernatesUnknownEntityErrorAboutAKitEntityIsExplainedTheSameWay() {
        runner.withUserConfiguration(HostEntityScan.class).withPropertyValues("client-workspace.store=memory").run(context -> {
            EntityManager em = context.getBean(EntityManagerFactory.class).createEntityManager();
            Throwable unknown = catchThrowable(() -> em.createQuery("select t from CwkTenant t").getResultList());
            em.close();
            assertThat(unknown).isNotNull();

            FailureAnalysis analysis = new UnmappedKitEntityFailureAnalyzer()
                    .analyze(new IllegalStateException("Failed to execute ApplicationRunner", unknown));

            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("CwkTenant").doesNotContain("CwkWorkspace");
            assertThat(analysis.getAction()).contains(KIT_ENTITY_PACKAGE);
        });
    }

    @Test
    void hibernatesUnknownEntityErrorAboutAHostEntityIsLeftToOtherAnalyzers() {
        Throwable unknown = new org.hibernate.query.sqm.UnknownEntityException(
                "Could not resolve root entity 'Invoice'", "Invoice");

        assertThat(new UnmappedKitEntityFailureAnalyzer().analyze(new IllegalArgumentException(unknown))).isNull();
    }

    @Test
    void hibernatesUnknownEntityTypeNamingAKitEntityClassIsExplained() {
        Throwable unknown = new org.hibernate.UnknownEntityTypeException(io.clientworkspace.jpa.entity.TenantEntity.class);

        FailureAnalysis analysis = new UnmappedKitEntityFailureAnalyzer().analyze(unknown);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("CwkTenant");
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Customer.class)
    static class HostEntityScan {
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Customer.class, basePackages = KIT_ENTITY_PACKAGE)
    static class HostEntityScanWithTheKit {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EntityScan(basePackageClasses = Customer.class)
    static class HostApplication {
    }
}
