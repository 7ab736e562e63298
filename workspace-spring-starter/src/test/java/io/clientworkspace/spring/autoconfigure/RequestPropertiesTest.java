package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spring.WorkspaceConfigurationException;
import io.clientworkspace.tenant.UserDirectory;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code client-workspace.requests.*}: the reopen window reaches the kit. */
class RequestPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL)
            .withBean(UserDirectory.class, () -> (tenantId, userId) -> true);

    @Test
    void aResolvedRequestMayBeReopenedWithinTheDefaultWindow() {
        runner.run(context -> {
            Resolved resolved = resolveARequest(context.getBean(WorkspaceKit.class));

            ClientRequest reopened = resolved.kit.requests().reopen(resolved.carol, resolved.workspace.id(),
                    resolved.request.id(), resolved.request.version());

            assertThat(reopened.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        });
    }

    @Test
    void aZeroReopenWindowTurnsReopeningOff() {
        runner.withPropertyValues("client-workspace.requests.reopen-window=0s").run(context -> {
            Resolved resolved = resolveARequest(context.getBean(WorkspaceKit.class));

            assertThatThrownBy(() -> resolved.kit.requests().reopen(resolved.carol, resolved.workspace.id(),
                    resolved.request.id(), resolved.request.version()))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE));
        });
    }

    @Test
    void aNegativeReopenWindowFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.requests.reopen-window=-1d").run(context ->
                assertThat(context).getFailure().rootCause()
                        .isInstanceOf(WorkspaceConfigurationException.class)
                        .hasMessageContaining("client-workspace.requests.reopen-window=PT-24H is negative"));
    }

    private static Resolved resolveARequest(WorkspaceKit kit) {
        Workspace acme = KitAutoConfigurations.createAndReadAWorkspace(kit);
        Actor alice = Actor.team(acme.tenantId(), "alice");
        Actor carol = Actor.client(acme.tenantId(), "carol");
        kit.members().add(alice, acme.id(), UserId.of("carol"), WorkspaceRole.CLIENT_ADMIN);
        ClientRequest submitted = kit.requests().submit(carol, acme.id(), NewRequest.of("New logo", "Please"));
        ClientRequest done = kit.requests().changeStatus(alice, acme.id(), submitted.id(), RequestStatus.DONE,
                Optional.empty(), submitted.version());
        return new Resolved(kit, acme, carol, done);
    }

    private record Resolved(WorkspaceKit kit, Workspace workspace, Actor carol, ClientRequest request) {
    }
}
