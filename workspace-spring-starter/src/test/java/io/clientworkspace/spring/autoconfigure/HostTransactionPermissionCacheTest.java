package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spring.WorkspaceProperties;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, finding 8, as a host meets it: a host's {@code @Transactional} service changes memberships
 * through the kit, checks access, and then fails or commits. JPA stores on H2, Spring's transactions,
 * the permission cache on with its default settings (30 s expiry); one node. The kit's unit of work
 * joins the host's transaction, so the membership exists only inside it until it commits.
 */
class HostTransactionPermissionCacheTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.JPA)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
            .withUserConfiguration(HostApplication.class);

    /**
     * The host's own configuration: one service of its own, and the directory that confirms its users
     * exist (without one, client users join only through invitations).
     */
    @Configuration(proxyBeanMethods = false)
    @Import(ClientOnboarding.class)
    static class HostApplication {

        @org.springframework.context.annotation.Bean
        io.clientworkspace.tenant.UserDirectory userDirectory() {
            return (tenant, user) -> true;
        }
    }

    /** What the host's next step throws. */
    static final class HostStepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostStepFailed() {
            super("the host's next step failed after the kit's change");
        }
    }

    /** A host service that onboards a client in one transaction with its own work. */
    @Service
    static class ClientOnboarding {

        private final WorkspaceKit kit;

        ClientOnboarding(WorkspaceKit kit) {
            this.kit = kit;
        }

        /** Adds the client as a contributor, notes whether it may upload, then fails: everything rolls back. */
        @Transactional
        public void addCheckAndFail(Actor lead, WorkspaceId workspace, Actor client, List<Boolean> mayUploadInside) {
            kit.members().add(lead, workspace, client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
            mayUploadInside.add(kit.authorizer().can(client, workspace, Permission.UPLOAD_FILES));
            throw new HostStepFailed();
        }

        /** Adds the client as a contributor, notes whether it may upload, and commits. */
        @Transactional
        public void addAndCheck(Actor lead, WorkspaceId workspace, Actor client, List<Boolean> mayUploadInside) {
            kit.members().add(lead, workspace, client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
            mayUploadInside.add(kit.authorizer().can(client, workspace, Permission.UPLOAD_FILES));
        }

        /** Removes the client, notes whether it may still see the workspace, then fails. */
        @Transactional
        public void removeCheckAndFail(Actor lead, WorkspaceId workspace, Actor client, List<Boolean> mayViewInside) {
            kit.members().remove(lead, workspace, client.userId());
            mayViewInside.add(kit.authorizer().can(client, workspace, Permission.VIEW_WORKSPACE));
            throw new HostStepFailed();
        }
    }

    /** An agency with one workspace led by its admin, alice, and a client user, carol, not yet a member. */
    private record Agency(Actor alice, WorkspaceId acme, Actor carol) {
    }

    private static Agency agency(ApplicationContext context) {
        WorkspaceKit kit = context.getBean(WorkspaceKit.class);
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        WorkspaceId acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme")).id();
        return new Agency(alice, acme, Actor.client(tenant.id(), "carol"));
    }

    private static boolean carolMayUpload(ApplicationContext context, Agency agency) {
        return context.getBean(WorkspaceKit.class).authorizer().can(agency.carol(), agency.acme(), Permission.UPLOAD_FILES);
    }

    @Test
    void thePermissionCacheRunsWithItsDefaultSettings() {
        runner.run(context -> assertThat(context.getBean(WorkspaceProperties.class).getCache().getExpireAfterWrite())
                .isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void aMemberAddedInAHostTransactionThatRollsBackHasNoAccessAtOnceAfterwards() {
        runner.run(context -> {
            Agency agency = agency(context);
            List<Boolean> inside = new ArrayList<>();

            assertThatThrownBy(() -> context.getBean(ClientOnboarding.class)
                    .addCheckAndFail(agency.alice(), agency.acme(), agency.carol(), inside))
                    .isInstanceOf(HostStepFailed.class);

            assertThat(inside).as("carol may upload inside the host's transaction").containsExactly(true);
            assertThat(carolMayUpload(context, agency)).as("after the rollback").isFalse();
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            assertThat(kit.workspaces().find(agency.carol(), agency.acme())).as("carol's view of the workspace").isEmpty();
            assertThat(kit.members().find(agency.alice(), agency.acme(), agency.carol().userId())).isEmpty();
        });
    }

    @Test
    void aNoAccessCachedBeforeAHostTransactionDoesNotHideTheMemberItAddsNorOutliveItsRollback() {
        runner.run(context -> {
            Agency agency = agency(context);
            assertThat(carolMayUpload(context, agency)).as("cached before").isFalse();
            List<Boolean> inside = new ArrayList<>();

            assertThatThrownBy(() -> context.getBean(ClientOnboarding.class)
                    .addCheckAndFail(agency.alice(), agency.acme(), agency.carol(), inside))
                    .isInstanceOf(HostStepFailed.class);

            assertThat(inside).as("carol may upload inside the host's transaction").containsExactly(true);
            assertThat(carolMayUpload(context, agency)).as("after the rollback").isFalse();
        });
    }

    @Test
    void aMemberAddedInAHostTransactionThatCommitsHasAccessAtOnceAlthoughNoAccessWasCached() {
        runner.run(context -> {
            Agency agency = agency(context);
            assertThat(carolMayUpload(context, agency)).as("cached before").isFalse();
            List<Boolean> inside = new ArrayList<>();

            context.getBean(ClientOnboarding.class).addAndCheck(agency.alice(), agency.acme(), agency.carol(), inside);

            assertThat(inside).as("carol may upload inside the host's transaction").containsExactly(true);
            assertThat(carolMayUpload(context, agency)).as("after the commit").isTrue();
        });
    }

    @Test
    void aMemberRemovedInAHostTransactionThatRollsBackKeepsAccessAndHasNoneInsideIt() {
        runner.run(context -> {
            Agency agency = agency(context);
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            kit.members().add(agency.alice(), agency.acme(), agency.carol().userId(), WorkspaceRole.CLIENT_VIEWER);
            assertThat(kit.authorizer().can(agency.carol(), agency.acme(), Permission.VIEW_WORKSPACE)).as("cached before").isTrue();
            List<Boolean> inside = new ArrayList<>();

            assertThatThrownBy(() -> context.getBean(ClientOnboarding.class)
                    .removeCheckAndFail(agency.alice(), agency.acme(), agency.carol(), inside))
                    .isInstanceOf(HostStepFailed.class);

            assertThat(inside).as("carol may see the workspace inside the host's transaction").containsExactly(false);
            assertThat(kit.authorizer().can(agency.carol(), agency.acme(), Permission.VIEW_WORKSPACE)).as("after the rollback")
                    .isTrue();
        });
    }
}
