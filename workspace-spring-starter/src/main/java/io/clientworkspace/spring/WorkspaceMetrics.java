package io.clientworkspace.spring;

import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.workspace.WorkspaceEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Micrometer counters fed by the kit's domain events and access decisions:
 * {@code client.workspace.workspaces.created}, {@code client.workspace.workspaces.archived},
 * {@code client.workspace.members.added}, {@code client.workspace.members.removed},
 * {@code client.workspace.invitations.sent}, {@code client.workspace.invitations.accepted} and
 * {@code client.workspace.authorization.denials} (tagged {@code outcome=not-found|access-denied}).
 * Counts are of this node's operations; sum them across nodes.
 */
public final class WorkspaceMetrics implements DomainEventListener {

    private final MeterRegistry registry;
    private final Counter workspacesCreated;
    private final Counter workspacesArchived;
    private final Counter membersAdded;
    private final Counter membersRemoved;
    private final Counter invitationsSent;
    private final Counter invitationsAccepted;

    public WorkspaceMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry must not be null");
        this.workspacesCreated = counter("client.workspace.workspaces.created", "Workspaces created");
        this.workspacesArchived = counter("client.workspace.workspaces.archived", "Workspaces archived");
        this.membersAdded = counter("client.workspace.members.added", "Memberships created, directly or by invitation");
        this.membersRemoved = counter("client.workspace.members.removed", "Memberships removed");
        this.invitationsSent = counter("client.workspace.invitations.sent", "Invitations created");
        this.invitationsAccepted = counter("client.workspace.invitations.accepted", "Invitations accepted");
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void onEvent(DomainEvent event) {
        if (event instanceof WorkspaceEvent.WorkspaceCreated) {
            workspacesCreated.increment();
        } else if (event instanceof WorkspaceEvent.WorkspaceArchived) {
            workspacesArchived.increment();
        } else if (event instanceof MemberEvent.MemberAdded) {
            membersAdded.increment();
        } else if (event instanceof MemberEvent.MemberRemoved) {
            membersRemoved.increment();
        } else if (event instanceof MemberEvent.InvitationCreated) {
            invitationsSent.increment();
        } else if (event instanceof MemberEvent.InvitationAccepted) {
            invitationsAccepted.increment();
        }
    }

    /** Counts one refused access; {@code outcome} is {@code not-found} or {@code access-denied}. */
    public void denied(String outcome) {
        Counter.builder("client.workspace.authorization.denials").description("Requests refused by the authorizer")
                .tag("outcome", outcome).register(registry).increment();
    }
}
