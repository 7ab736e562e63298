package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.spring.WorkspaceConfigurationException;
import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spring.TenantBootstrap;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantEvent;
import io.clientworkspace.tenant.TenantRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link TenantBootstrap}: the tenants of {@code client-workspace.tenants.<key>} exist when the host's code
 * first runs, are created once, are never changed by a later start, and an invalid declaration stops the
 * start naming the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantBootstrapTest {

    private static final TenantId ACME = TenantId.of("acme");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues("client-workspace.store=memory");

    private static List<TeamMember> roster(Stores stores, TenantId id) {
        return stores.team().list(id, Optional.empty(), 1000);
    }

    /** The host brings its own in-memory stores, so that two starts can share them. */
    @Configuration(proxyBeanMethods = false)
    static class SharedStores {
        static final Stores STORES = InMemoryStores.create();

        @Bean
        Stores stores() {
            return STORES;
        }
    }

    @Test
    void aDeclaredTenantExistsWithEveryDeclaredAdminAfterTheStart() {
        runner.withPropertyValues("client-workspace.tenants.acme.name=Acme Agency",
                "client-workspace.tenants.acme.admins=alice, bob").run(context -> {
            assertThat(context).hasNotFailed();
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.tenants().find(ACME)).get().extracting(Tenant::name).isEqualTo("Acme Agency");
            assertThat(roster(context.getBean(Stores.class), ACME))
                    .extracting(TeamMember::userId, TeamMember::role)
                    .containsExactly(tuple(UserId.of("alice"), TenantRole.TENANT_ADMIN),
                            tuple(UserId.of("bob"), TenantRole.TENANT_ADMIN));
        });
    }

    @Test
    void everyDeclaredTenantIsCreated() {
        runner.withPropertyValues("client-workspace.tenants.acme.name=Acme Agency",
                "client-workspace.tenants.acme.admins=alice",
                "client-workspace.tenants.globex.name=Globex",
                "client-workspace.tenants.globex.admins=olga").run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.tenants().find(ACME)).isPresent();
            assertThat(kit.tenants().find(TenantId.of("globex"))).get().extracting(Tenant::name).isEqualTo("Globex");
        });
    }

    @Test
    void theDeclaredAdminCanUseTheTenantRightAway() {
        runner.withPropertyValues("client-workspace.tenants.acme.name=Acme Agency",
                "client-workspace.tenants.acme.admins=alice").run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Actor alice = Actor.team(ACME, "alice");

            assertThat(kit.tenants().get(alice).name()).isEqualTo("Acme Agency");
        });
    }

    @Test
    void theCreationIsLoggedNamingTheKey(CapturedOutput output) {
        int mark = output.getAll().length();
        runner.withPropertyValues("client-workspace.tenants.acme.name=Acme Agency",
                "client-workspace.tenants.acme.admins=alice").run(context ->
                assertThat(output.getAll().substring(mark)).contains("created tenant acme"));
    }

    @Test
    void aSecondStartLeavesAnExistingTenantUnchangedAndSaysSo(CapturedOutput output) {
        ApplicationContextRunner shared = runner.withUserConfiguration(SharedStores.class)
                .withPropertyValues("client-workspace.tenants.shared-1.name=Acme Agency",
                        "client-workspace.tenants.shared-1.admins=alice");
        TenantId key = TenantId.of("shared-1");
        shared.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Actor alice = Actor.team(key, "alice");
            kit.tenants().addTeamMember(alice, UserId.of("tom"), TenantRole.TEAM_MEMBER);
        });
        Tenant before = SharedStores.STORES.tenants().find(key).orElseThrow();
        List<TeamMember> rosterBefore = roster(SharedStores.STORES, key);
        int mark = output.getAll().length();

        shared.withPropertyValues("client-workspace.tenants.shared-1.admins=alice,mallory").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(SharedStores.STORES.tenants().find(key)).contains(before);
            assertThat(roster(SharedStores.STORES, key)).isEqualTo(rosterBefore);
            assertThat(output.getAll().substring(mark)).contains("tenant shared-1 exists; left unchanged")
                    .doesNotContain("created tenant shared-1");
        });
    }

    @Test
    void onTheJpaStoresTheTenantIsStoredOnceAfterTheKitsMigrationAndASecondStartLeavesIt(CapturedOutput output) {
        ApplicationContextRunner jpa = new ApplicationContextRunner()
                .withConfiguration(KitAutoConfigurations.JPA)
                .withConfiguration(KitAutoConfigurations.ALL)
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate",
                        "spring.datasource.url=jdbc:h2:mem:tenant-bootstrap;DB_CLOSE_DELAY=-1",
                        "client-workspace.tenants.acme.name=Acme Agency", "client-workspace.tenants.acme.admins=alice");
        jpa.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
                    "select name from cwk_tenant where id = 'acme'", String.class)).containsExactly("Acme Agency");
        });
        int mark = output.getAll().length();

        jpa.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                    "select count(*) from cwk_team_member where tenant_id = 'acme'", Integer.class)).isEqualTo(1);
            assertThat(output.getAll().substring(mark)).contains("tenant acme exists; left unchanged");
        });
    }

    @Test
    void aDeclaredNameThatDiffersFromTheStoredOneIsAWarningThatThePropertyDoesNotRename(CapturedOutput output) {
        ApplicationContextRunner shared = runner.withUserConfiguration(SharedStores.class)
                .withPropertyValues("client-workspace.tenants.shared-2.admins=alice");
        shared.withPropertyValues("client-workspace.tenants.shared-2.name=Acme Agency").run(context -> { });
        int mark = output.getAll().length();

        shared.withPropertyValues("client-workspace.tenants.shared-2.name=Acme Renamed").run(context -> {
            assertThat(SharedStores.STORES.tenants().find(TenantId.of("shared-2"))).get()
                    .extracting(Tenant::name).isEqualTo("Acme Agency");
            assertThat(output.getAll().substring(mark)).contains("WARN")
                    .contains("tenant shared-2 exists; left unchanged")
                    .contains("client-workspace.tenants.shared-2.name")
                    .contains("does not rename it");
        });
    }

    @Test
    void anInvalidKeyFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.tenants[-acme].name=Acme Agency",
                "client-workspace.tenants[-acme].admins=alice").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("client-workspace.tenants.-acme")
                    .hasMessageContaining("must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        });
    }

    @Test
    void aMissingNameFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.tenants.acme.admins=alice").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("client-workspace.tenants.acme.name is not set");
        });
    }

    @Test
    void aBlankNameFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.tenants.acme.name= ", "client-workspace.tenants.acme.admins=alice")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("client-workspace.tenants.acme.name must not be blank");
                });
    }

    @Test
    void noAdminsFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.tenants.acme.name=Acme Agency").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("client-workspace.tenants.acme.admins must name at least one tenant admin");
        });
    }

    @Test
    void everyInvalidPropertyIsNamedInOneFailure() {
        List<String> problems = List.of("client-workspace.tenants.acme.name is not set",
                "client-workspace.tenants.globex.admins must name at least one tenant admin");
        assertThat(catchThrowable(() -> TenantBootstrap.definitions(Map.of(
                "acme", declaration(null, "alice"), "globex", declaration("Globex")))))
                .isInstanceOf(WorkspaceConfigurationException.class)
                .hasMessageContainingAll(problems.toArray(String[]::new));
    }

    @Test
    void anEmptyEntryInTheAdminListIsRefused() {
        assertThat(catchThrowable(() -> TenantBootstrap.definitions(Map.of(
                "acme", declaration("Acme", "alice", " ")))))
                .isInstanceOf(WorkspaceConfigurationException.class)
                .hasMessageContaining("client-workspace.tenants.acme.admins contains an empty user id");
    }

    @Test
    void anAdminNamedTwiceIsRefused() {
        assertThat(catchThrowable(() -> TenantBootstrap.definitions(Map.of(
                "acme", declaration("Acme", "alice", "alice")))))
                .isInstanceOf(WorkspaceConfigurationException.class)
                .hasMessageContaining("client-workspace.tenants.acme.admins names 'alice' more than once");
    }

    @Test
    void aKeyWithADotIsDeclaredInBrackets() {
        runner.withPropertyValues("client-workspace.tenants[acme_eu.1].name=Acme Europe",
                "client-workspace.tenants[acme_eu.1].admins=alice").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WorkspaceKit.class).tenants().find(TenantId.of("acme_eu.1"))).isPresent();
        });
    }

    @Test
    void anUnbracketedKeyThatSpringWouldChangeFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.tenants.acme/eu.name=Acme Europe",
                "client-workspace.tenants.acme/eu.admins=alice").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(WorkspaceConfigurationException.class)
                    .hasMessageContaining("client-workspace.tenants.acme/eu.")
                    .hasMessageContaining("declares the tenant key 'acme/eu', but Spring binds it as 'acmeeu'");
        });
    }

    @Test
    void anUnbracketedKeyThatSpringWouldChangeCreatesNoTenant() {
        ApplicationContextRunner shared = runner.withUserConfiguration(SharedStores.class);
        shared.withPropertyValues("client-workspace.tenants.shared/3.name=Acme Europe",
                "client-workspace.tenants.shared/3.admins=alice").run(context -> assertThat(context).hasFailed());

        assertThat(SharedStores.STORES.tenants().find(TenantId.of("shared3"))).isEmpty();
    }

    @Test
    void aChangedKeyThatIsAlsoInvalidInBracketsSaysWhyInsteadOfSuggestingBrackets() {
        runner.withPropertyValues("client-workspace.tenants.acme/eu.name=Acme Europe",
                "client-workspace.tenants.acme/eu.admins=alice").run(context ->
                assertThat(((WorkspaceConfigurationException) rootCause(context.getStartupFailure())).action())
                        .contains("the key 'acme/eu' must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}")
                        .doesNotContain("client-workspace.tenants[acme/eu]"));
    }

    @Test
    void anUnbracketedKeyWithADotFailsTheStartNamingTheBracketedForm() {
        runner.withPropertyValues("client-workspace.tenants.acme.name=Acme Agency",
                "client-workspace.tenants.acme.admins=alice",
                "client-workspace.tenants.acme.eu.name=Acme Europe",
                "client-workspace.tenants.acme.eu.admins=alice").run(context -> {
            assertThat(context).hasFailed();
            WorkspaceConfigurationException failure = (WorkspaceConfigurationException) rootCause(context.getStartupFailure());
            assertThat(failure).hasMessageContaining("client-workspace.tenants.acme.eu.")
                    .hasMessageContaining("is not a property of tenant 'acme'");
            assertThat(failure.action()).containsAnyOf("client-workspace.tenants[acme.eu].name",
                    "client-workspace.tenants[acme.eu].admins");
        });
    }

    @Test
    void anUnbracketedKeyWithAnUnderscoreIsKeptAsWritten() {
        // Spring Boot's relaxed binding keeps '_' (and the case) of a map key; only other characters are dropped.
        runner.withPropertyValues("client-workspace.tenants.acme_EU.name=Acme Europe",
                "client-workspace.tenants.acme_EU.admins=alice").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WorkspaceKit.class).tenants().find(TenantId.of("acme_EU"))).isPresent();
        });
    }

    @Test
    void aBracketedKeyWithAnUnderscoreIsKept() {
        runner.withPropertyValues("client-workspace.tenants[acme_eu].name=Acme Europe",
                "client-workspace.tenants[acme_eu].admins=alice").run(context -> {
            assertThat(context).hasNotFailed();
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.tenants().find(TenantId.of("acme_eu"))).get().extracting(Tenant::name).isEqualTo("Acme Europe");
            assertThat(kit.tenants().find(TenantId.of("acmeeu"))).isEmpty();
        });
    }

    @Test
    void aBracketedKeyWithADotIsKept() {
        runner.withPropertyValues("client-workspace.tenants[acme.eu].name=Acme Europe",
                "client-workspace.tenants[acme.eu].admins=alice").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WorkspaceKit.class).tenants().find(TenantId.of("acme.eu"))).isPresent();
        });
    }

    @Test
    void aKeyFromTheCommandLineThatSpringWouldChangeFailsTheStart() {
        SpringApplication app = new SpringApplication(HostWithRunners.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        Throwable failure = catchThrowable(() -> app.run("--client-workspace.store=memory",
                "--client-workspace.tenants.acme+eu.name=Acme Europe", "--client-workspace.tenants.acme+eu.admins=alice",
                "--spring.main.banner-mode=off").close());

        assertThat(failure).isNotNull();
        assertThat(rootCause(failure)).isInstanceOf(WorkspaceConfigurationException.class)
                .hasMessageContaining("client-workspace.tenants.acme+eu.");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void withOneDeclaredTenantNoDefaultTenantIsGuessed() {
        runner.withPropertyValues("client-workspace.tenants.acme.name=Acme Agency",
                "client-workspace.tenants.acme.admins=alice").run(context ->
                assertThat(context.getBean(WorkspaceProperties.class).getSecurity().getDefaultTenantId()).isEmpty());
    }

    @Test
    void withoutDeclarationsNoTenantIsCreated() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Stores.class).tenants().list(Optional.empty(), 10)).isEmpty();
        });
    }

    @Test
    void lazyInitializationDoesNotSkipTheBootstrap() {
        runner.withPropertyValues("spring.main.lazy-initialization=true",
                "client-workspace.tenants.acme.name=Acme Agency", "client-workspace.tenants.acme.admins=alice")
                .run(context -> assertThat(context.getBean(WorkspaceKit.class).tenants().find(ACME)).isPresent());
    }

    /** A host whose runners and event listener record what they see of tenant acme. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({WorkspaceAutoConfiguration.class})
    static class HostWithRunners {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Bean
        ApplicationRunner seedUsers(WorkspaceKit kit) {
            return args -> SEEN.add("ApplicationRunner sees acme: " + kit.tenants().find(ACME).isPresent());
        }

        @Bean
        CommandLineRunner seedMore(WorkspaceKit kit) {
            return args -> SEEN.add("CommandLineRunner sees acme: " + kit.tenants().find(ACME).isPresent());
        }

        @EventListener
        void onTenantCreated(TenantEvent.TenantCreated created) {
            SEEN.add("event: created " + created.tenantId());
        }
    }

    @Test
    void theHostsRunnersRunAfterTheTenantExistsAndItsListenersHearTheCreation() {
        HostWithRunners.SEEN.clear();
        SpringApplication app = new SpringApplication(HostWithRunners.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ignored = app.run("--client-workspace.store=memory",
                "--client-workspace.tenants.acme.name=Acme Agency", "--client-workspace.tenants.acme.admins=alice",
                "--spring.main.banner-mode=off")) {
            assertThat(HostWithRunners.SEEN).containsExactlyInAnyOrder("event: created acme",
                    "ApplicationRunner sees acme: true", "CommandLineRunner sees acme: true");
            assertThat(HostWithRunners.SEEN.get(0)).isEqualTo("event: created acme");
        }
    }

    private static WorkspaceProperties.TenantDeclaration declaration(String name, String... admins) {
        WorkspaceProperties.TenantDeclaration d = new WorkspaceProperties.TenantDeclaration();
        d.setName(name);
        d.setAdmins(List.of(admins));
        return d;
    }
}
