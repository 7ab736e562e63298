package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.notification.Notification;
import io.clientworkspace.spi.NotificationSender;
import io.clientworkspace.spring.NotificationDelivery;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.UserDirectory;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification delivery job: on by default, switched off by a zero interval, a bad batch fails the start; the
 * host's {@link NotificationSender} bean is the one the kit hands notifications to.
 */
class NotificationDeliveryAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL).withPropertyValues("client-workspace.store=memory");

    /** A host's sender that keeps what it is given. */
    static final class RecordingSender implements NotificationSender {
        final List<Notification> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(Notification notification) {
            sent.add(notification);
        }
    }

    @Test
    void theDeliveryRunsByDefault() {
        runner.run(context -> assertThat(context.getBean(NotificationDelivery.class).isRunning()).isTrue());
    }

    @Test
    void aZeroIntervalSwitchesTheDeliveryOff() {
        runner.withPropertyValues("client-workspace.notifications.delivery-interval=0s")
                .run(context -> assertThat(context.getBean(NotificationDelivery.class).isRunning()).isFalse());
    }

    @Test
    void aBatchOutOfBoundsFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.notifications.delivery-batch=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("client-workspace.notifications.delivery-batch");
        });
    }

    @Test
    void aBatchingWindowLongerThanADayFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("client-workspace.notifications.batching-window=2d").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("client-workspace.notifications.batching-window");
        });
    }

    @Test
    void theHostsNotificationSenderBeanReceivesWhatIsDue() {
        runner.withPropertyValues("client-workspace.notifications.batching-window=0s",
                        "client-workspace.notifications.delivery-interval=0s")
                .withBean(UserDirectory.class, () -> (tenant, user) -> true)
                .withBean(RecordingSender.class, RecordingSender::new)
                .run(context -> {
                    WorkspaceKit kit = context.getBean(WorkspaceKit.class);
                    Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
                    Actor alice = Actor.team(tenant.id(), "alice");
                    Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
                    kit.members().add(alice, acme.id(), UserId.of("carol"), WorkspaceRole.CLIENT_ADMIN);
                    kit.approvals().requestForDeliverable(alice, acme.id(), "The launch plan", Optional.empty(),
                            NewApproval.of("Approve the plan", Set.of(UserId.of("carol"))));

                    kit.notifications().deliverDue(100);

                    assertThat(context.getBean(RecordingSender.class).sent)
                            .extracting(n -> n.recipient().value()).contains("carol");
                });
    }
}
