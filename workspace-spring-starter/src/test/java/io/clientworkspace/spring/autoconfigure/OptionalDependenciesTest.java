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
    void with_everything_present_every_part_is_configured() {
        web.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WorkspaceApiController.class)
                    .hasSingleBean(ActorResolver.class).hasSingleBean(WorkspaceMetrics.class)
                    .hasBean("workspaceStoresHealthIndicator");
            kitWorks(context);
        });
    }

    @Test
    void without_spring_mvc_the_kit_works_without_the_rest_api() {
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
    void without_spring_security_the_kit_works_without_actor_resolver_and_rest_api() {
        web.withClassLoader(new FilteredClassLoader("org.springframework.security")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ActorResolver.class)
                    .doesNotHaveBean(WorkspaceApiController.class);
            kitWorks(context);
        });
    }

    @Test
    void without_micrometer_the_kit_and_its_rest_api_work_without_metrics() {
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
    void without_springdoc_the_rest_api_still_starts() {
        web.withClassLoader(new FilteredClassLoader("org.springdoc")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(WorkspaceApiController.class);
            kitWorks(context);
        });
    }

    @Test
    void with_micrometer_but_no_meter_registry_there_are_no_kit_metrics() {
        new ApplicationContextRunner().withConfiguration(KitAutoConfigurations.ALL).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(WorkspaceMetrics.class);
            kitWorks(context);
        });
    }

    @Test
    void without_actuator_health_the_kit_works_without_the_health_indicator() {
        web.withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("workspaceStoresHealthIndicator");
            kitWorks(context);
        });
    }

    @Test
    void without_jpa_flyway_and_jdbc_the_kit_works_on_in_memory_stores() {
        web.withClassLoader(new FilteredClassLoader("jakarta.persistence", "org.flywaydb", "org.springframework.orm",
                "org.springframework.jdbc", "org.springframework.boot.jdbc", "org.hibernate")).run(context -> {
                    assertThat(context).hasNotFailed();
                    kitWorks(context);
                });
    }

    @Test
    void with_nothing_optional_at_all_the_kit_still_starts_and_works() {
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
