package io.clientworkspace.dashboard;

import io.clientworkspace.ActorKind;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.approval.ApprovalEvent;
import io.clientworkspace.calendar.CalendarEvent;
import io.clientworkspace.file.FileEvent;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.message.MessageEvent;
import io.clientworkspace.project.ProjectEvent;
import io.clientworkspace.project.TaskEvent;
import io.clientworkspace.request.FormEvent;
import io.clientworkspace.request.RequestEvent;
import io.clientworkspace.template.TemplateEvent;
import io.clientworkspace.workspace.WorkspaceEvent;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of a {@link WorkspaceSummary} that are recomputed together, and the one place that says which events can
 * change which parts ({@link #affectedBy}). The projection recomputes, for each workspace an operation touched, the
 * union of its events' parts; an event type this mapping does not know recomputes everything.
 */
enum SummaryPart {
    /** name, slug, external reference, status (from the workspace). */
    IDENTITY,
    /** the lead (MembershipStore.firstLead). */
    LEAD,
    /** the number of client members (MembershipStore.countClientMembers). */
    CLIENT_MEMBERS,
    /** worst project health (ProjectStore.worstHealth). */
    HEALTH,
    /** pending approvals and the oldest (ApprovalStore.pendingSummary). */
    APPROVALS,
    /** open requests and the oldest (RequestStore.openSummary). */
    REQUESTS,
    /** overdue tasks and milestones (TaskStore/MilestoneStore.overdueCount). */
    OVERDUE,
    /** the onboarding checklist's progress (TaskListStore.findOnboarding + TaskStore.progress). */
    ONBOARDING,
    /** last client activity (ActivityStore.latestByActorKind CLIENT, and InsightStore.lastVisit). */
    CLIENT_ACTIVITY,
    /** last team activity (ActivityStore.latestByActorKind TEAM). */
    TEAM_ACTIVITY,
    /** overdue invoices and open tickets (LinkedRecordStore.alertCounts, as of "today" like OVERDUE). */
    RECORD_ALERTS;

    /** Every part. */
    static Set<SummaryPart> all() {
        return EnumSet.allOf(SummaryPart.class);
    }

    /**
     * The parts {@code event} can change. Every event that writes activity moves the last activity of its actor's
     * kind; beyond that, by event type.
     */
    static Set<SummaryPart> affectedBy(DomainEvent event) {
        EnumSet<SummaryPart> parts = EnumSet.noneOf(SummaryPart.class);
        if (!event.activity().isEmpty()) {
            parts.add(event.actor().kind() == ActorKind.CLIENT ? CLIENT_ACTIVITY : TEAM_ACTIVITY);
        }
        parts.addAll(byType(event));
        return parts;
    }

    private static Set<SummaryPart> byType(DomainEvent event) {
        if (event instanceof WorkspaceEvent.WorkspaceCreated) {
            return all();
        }
        if (event instanceof WorkspaceEvent.WorkspaceArchived || event instanceof WorkspaceEvent.WorkspaceRestored) {
            // the status decides which day counts as "today" for overdue items and invoices
            return EnumSet.of(IDENTITY, OVERDUE, RECORD_ALERTS);
        }
        if (event instanceof WorkspaceEvent) {
            return EnumSet.of(IDENTITY);
        }
        if (event instanceof io.clientworkspace.record.RecordEvent) {
            return EnumSet.of(RECORD_ALERTS);
        }
        if (event instanceof io.clientworkspace.insight.InsightEvent.ClientVisited) {
            return EnumSet.of(CLIENT_ACTIVITY);
        }
        if (event instanceof MemberEvent.ClientRoleAssigned) {
            return EnumSet.of(CLIENT_MEMBERS);
        }
        if (event instanceof MemberEvent.MemberAdded || event instanceof MemberEvent.MemberRoleChanged
                || event instanceof MemberEvent.MemberRemoved || event instanceof MemberEvent.InvitationAccepted) {
            return EnumSet.of(LEAD, CLIENT_MEMBERS);
        }
        if (event instanceof MemberEvent.InvitationCreated || event instanceof MemberEvent.InvitationRevoked
                || event instanceof MemberEvent.PermissionMatrixChanged) {
            return Set.of();
        }
        if (event instanceof ApprovalEvent) {
            return EnumSet.of(APPROVALS);
        }
        if (event instanceof RequestEvent.RequestSubmitted || event instanceof RequestEvent.RequestStatusChanged) {
            return EnumSet.of(REQUESTS);
        }
        if (event instanceof RequestEvent) {
            return Set.of();
        }
        if (event instanceof TaskEvent.TaskAssigned || event instanceof TaskEvent.TaskListRenamed) {
            return Set.of();
        }
        if (event instanceof TaskEvent) {
            return EnumSet.of(OVERDUE, ONBOARDING);
        }
        if (event instanceof ProjectEvent) {
            return EnumSet.of(HEALTH, OVERDUE);
        }
        if (event instanceof TemplateEvent.WorkspaceCreatedFromTemplate) {
            return all();
        }
        if (event instanceof MessageEvent || event instanceof FileEvent || event instanceof CalendarEvent
                || event instanceof FormEvent || event instanceof TemplateEvent) {
            return Set.of(); // unread messages are counted when a page is read
        }
        return all();
    }
}
