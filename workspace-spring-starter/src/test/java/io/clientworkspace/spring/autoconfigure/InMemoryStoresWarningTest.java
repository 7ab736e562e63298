package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.spring.WorkspaceProperties;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WARN logged when the starter chooses the in-memory stores says only what is true: why they were
 * chosen (the property, or exactly which of workspace-jpa, Jakarta Persistence with Spring ORM, an
 * EntityManagerFactory bean or a transaction manager is missing, checked at startup), what to add (only
 * what is missing), whether Flyway is missing too, and that the data is lost when the application stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class InMemoryStoresWarningTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    /** The one WARN line about the in-memory stores logged while {@code runner} starts a context. */
    private static String warning(ApplicationContextRunner runner, CapturedOutput output) {
        int mark = output.getAll().length();
        StringBuilder line = new StringBuilder();
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            line.append(assertThat(output.getAll().substring(mark).lines().filter(l -> l.contains("IN-MEMORY stores")))
                    .singleElement().actual());
        });
        assertThat(line).contains("WARN").contains("all workspace data is lost when the application stops");
        return line.toString();
    }

    @Test
    void withEverythingOnTheClassPathButNoEntityManagerFactoryItNamesTheMissingBeanOnly(CapturedOutput output) {
        String warning = warning(runner, output);

        assertThat(warning).contains("client-workspace.store=auto")
                .contains("the application has no EntityManagerFactory bean")
                .doesNotContain("is not on the class path")
                .doesNotContain("add io.clientworkspace:workspace-jpa")
                .doesNotContain("Flyway");
    }

    @Test
    void withoutWorkspaceJpaInAHostWithJpaItSaysSoAndAsksForItAlone(CapturedOutput output) {
        String warning = warning(runner.withConfiguration(KitAutoConfigurations.JPA)
                .withClassLoader(new FilteredClassLoader(JpaStores.class)), output);

        assertThat(warning).contains("The JPA stores are not used because io.clientworkspace:workspace-jpa is not on"
                        + " the class path.")
                .contains("To keep the data in your database, add io.clientworkspace:workspace-jpa.")
                .doesNotContain("spring-boot-starter-data-jpa")
                .doesNotContain("EntityManagerFactory")
                .doesNotContain("Flyway");
    }

    @Test
    void withoutSpringOrmItAsksForSpringBootStarterDataJpa(CapturedOutput output) {
        String warning = warning(runner.withClassLoader(new FilteredClassLoader(EntityManagerFactoryUtils.class)), output);

        assertThat(warning).contains("Jakarta Persistence with Spring ORM is not on the class path (no "
                        + EntityManagerFactoryUtils.class.getName() + ")")
                .contains("add spring-boot-starter-data-jpa.")
                .doesNotContain("workspace-jpa is not")
                .doesNotContain("EntityManagerFactory bean");
    }

    @Test
    void withoutWorkspaceJpaJakartaPersistenceAndFlywayItNamesAllThree(CapturedOutput output) {
        String warning = warning(runner.withClassLoader(new FilteredClassLoader(JpaStores.class, EntityManagerFactory.class,
                Flyway.class)), output);

        assertThat(warning).contains("io.clientworkspace:workspace-jpa is not on the class path")
                .contains("no " + EntityManagerFactory.class.getName())
                .contains("add io.clientworkspace:workspace-jpa and spring-boot-starter-data-jpa.")
                .contains("Flyway is not on the class path either")
                .contains("spring-boot-starter-flyway");
    }

    @Test
    void withStoreMemoryItSaysThePropertyChoseThemAndAsksForNothing(CapturedOutput output) {
        String warning = warning(runner.withPropertyValues("client-workspace.store=memory"), output);

        assertThat(warning).contains("because client-workspace.store=memory asks for them")
                .doesNotContain("add ")
                .doesNotContain("not on the class path");
    }

    @Test
    void withJpaStoresAvailableNothingWarns(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.withConfiguration(KitAutoConfigurations.JPA)
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration.class))
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output.getAll().substring(mark)).doesNotContain("IN-MEMORY stores");
                });
    }

    @Test
    void anEntityManagerFactoryWithoutATransactionManagerIsNamed() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("entityManagerFactory", proxy(EntityManagerFactory.class));

        String warning = InMemoryStoresNotice.message(WorkspaceProperties.Store.AUTO, getClass().getClassLoader(), beans);

        assertThat(warning).contains("the application has no PlatformTransactionManager bean")
                .doesNotContain("EntityManagerFactory bean")
                .doesNotContain("add ");
    }

    @Test
    void withEverythingThereItSaysTheJpaAutoConfigurationDidNotApply() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("entityManagerFactory", proxy(EntityManagerFactory.class));
        beans.registerSingleton("transactionManager", proxy(PlatformTransactionManager.class));

        String warning = InMemoryStoresNotice.message(WorkspaceProperties.Store.AUTO, getClass().getClassLoader(), beans);

        assertThat(warning).contains("WorkspaceJpaStoresAutoConfiguration did not configure the JPA stores")
                .doesNotContain("add ");
    }

    private static Object proxy(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
