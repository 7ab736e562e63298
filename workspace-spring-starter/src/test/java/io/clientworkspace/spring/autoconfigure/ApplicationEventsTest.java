package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain events reach {@code @EventListener} beans as Spring application events, after commit. */
class ApplicationEventsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL)
            .withUserConfiguration(Listeners.class);

    @Test
    void aCreatedWorkspaceReachesAnEventListenerBean() {
        runner.run(context -> {
            Workspace created = KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));

            assertThat(context.getBean(WorkspaceCreatedListener.class).heard)
                    .singleElement().satisfies(e -> {
                        assertThat(e.workspace()).isEqualTo(created.id());
                        assertThat(e.slug()).isEqualTo("acme");
                        assertThat(e.actor().userId()).isEqualTo(UserId.of("alice"));
                    });
        });
    }

    @Test
    void theEventArrivesAfterCommitWhenTheChangeIsAlreadyReadable() {
        runner.run(context -> {
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));

            assertThat(context.getBean(WorkspaceCreatedListener.class).visibleWhenHeard).containsExactly(true);
        });
    }

    @Test
    void aFailedOperationPublishesNoEvent() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
            Actor alice = Actor.team(tenant.id(), "alice");
            kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
            AllEventsListener all = context.getBean(AllEventsListener.class);
            all.heard.clear();

            assertThatThrownBy(() -> kit.workspaces().create(alice, NewWorkspace.of("Acme again", "acme")))
                    .isInstanceOf(ConflictException.class);

            assertThat(all.heard).isEmpty();
        });
    }

    @Test
    void teamOnlyEventsArePublishedTooWithTheirVisibilityForTheHostToFilter() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Workspace acme = KitAutoConfigurations.createAndReadAWorkspace(kit);

            kit.invitations().invite(Actor.team(acme.tenantId(), "alice"), acme.id(),
                    NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));

            assertThat(context.getBean(AllEventsListener.class).heard)
                    .filteredOn(MemberEvent.InvitationCreated.class::isInstance)
                    .singleElement().extracting(DomainEvent::visibility).isEqualTo(Visibility.TEAM);
        });
    }

    @Test
    void withPublishApplicationEventsFalseNoApplicationEventIsPublished() {
        runner.withPropertyValues("client-workspace.events.publish-application-events=false").run(context -> {
            KitAutoConfigurations.createAndReadAWorkspace(context.getBean(WorkspaceKit.class));

            assertThat(context.getBean(AllEventsListener.class).heard).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        @Bean
        WorkspaceCreatedListener workspaceCreatedListener(org.springframework.beans.factory.ObjectProvider<WorkspaceKit> kit) {
            return new WorkspaceCreatedListener(kit);
        }

        @Bean
        AllEventsListener allEventsListener() {
            return new AllEventsListener();
        }
    }

    static class WorkspaceCreatedListener {
        final org.springframework.beans.factory.ObjectProvider<WorkspaceKit> kit;
        final List<WorkspaceEvent.WorkspaceCreated> heard = new CopyOnWriteArrayList<>();
        final List<Boolean> visibleWhenHeard = new CopyOnWriteArrayList<>();

        WorkspaceCreatedListener(org.springframework.beans.factory.ObjectProvider<WorkspaceKit> kit) {
            this.kit = kit;
        }

        @EventListener
        void on(WorkspaceEvent.WorkspaceCreated event) {
            heard.add(event);
            visibleWhenHeard.add(kit.getObject().workspaces().find(event.actor(), event.workspace()).isPresent());
        }
    }

    static class AllEventsListener {
        final List<DomainEvent> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DomainEvent event) {
            heard.add(event);
        }
    }
}
