package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.WorkspaceMetrics;
import io.clientworkspace.spring.security.ActorResolver;
import io.clientworkspace.spring.web.WorkspaceApiController;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything but the core is optional: the context starts and the kit works whichever of Spring MVC,
 * Spring Security, Micrometer, Actuator health, springdoc, JPA and Flyway the host leaves out.
 */
class OptionalDependenciesTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.WEB_MVC)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withBean(SimpleMeterRegistry.class);

    private static void kitWorks(org.springframework.context.ApplicationContext context) {
        assertThat(KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class)).slug())
                .isEqualTo("acme");
    }

    @Test
    void withEverythingPresentEveryPartIsConfigured() {
        web.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WorkspaceApiController.class)
                    .hasSingleBean(ActorResolver.class).hasSingleBean(WorkspaceMetrics.class)
                    .hasBean("workspaceStoresHealthIndicator");
            kitWorks(context);
        });
    }

    @Test
    void withoutSpringMvcTheKitWorksWithoutTheRestApi() {
        new ApplicationContextRunner()
                .withConfiguration(KitAutoConfigurations.ALL)
                .withClassLoader(new FilteredClassLoader("org.springframework.web", "jakarta.servlet"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceApiController.class)
                            .hasSingleBean(ActorResolver.class);
                    kitWorks(context);
                });
    }

    @Test
    void withoutSpringSecurityTheKitWorksWithoutActorResolverAndRestApi() {
        web.withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ActorResolver.class)
                    .doesNotHaveBean(WorkspaceApiController.class);
            kitWorks(context);
        });
    }

    @Test
    void withoutMicrometerTheKitAndItsRestApiWorkWithoutMetrics() {
        new WebApplicationContextRunner()
                .withConfiguration(KitAutoConfigurations.WEB_MVC)
                .withConfiguration(KitAutoConfigurations.ALL)
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceMetrics.class)
                            .hasSingleBean(WorkspaceApiController.class);
                    kitWorks(context);
                });
    }

    @Test
    void withoutSpringdocTheRestApiStillStarts() {
        web.withClassLoader(new FilteredClassLoader("org.springdoc")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WorkspaceApiController.class);
            kitWorks(context);
        });
    }

    @Test
    void withMicrometerButNoMeterRegistryThereAreNoKitMetrics() {
        new ApplicationContextRunner().withConfiguration(KitAutoConfigurations.ALL).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceMetrics.class);
            kitWorks(context);
        });
    }

    @Test
    void withoutActuatorHealthTheKitWorksWithoutTheHealthIndicator() {
        web.withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("workspaceStoresHealthIndicator");
            kitWorks(context);
        });
    }

    @Test
    void withoutJpaFlywayAndJdbcTheKitWorksOnInMemoryStores() {
        web.withClassLoader(new FilteredClassLoader("jakarta.persistence", "org.flywaydb", "org.springframework.orm",
                "org.springframework.jdbc", "org.springframework.boot.jdbc", "org.hibernate")).run(context -> {
                    assertThat(context).hasNotFailed();
                    kitWorks(context);
                });
    }

    @Test
    void withNothingOptionalAtAllTheKitStillStartsAndWorks() {
        new ApplicationContextRunner()
                .withConfiguration(KitAutoConfigurations.ALL)
                .withClassLoader(new FilteredClassLoader("org.springframework.web", "jakarta.servlet",
                        "org.springframework.security", "io.micrometer", "org.springframework.boot.health",
                        "jakarta.persistence", "org.flywaydb", "org.springframework.orm", "org.hibernate"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(WorkspaceKit.class);
                    kitWorks(context);
                });
    }
}
