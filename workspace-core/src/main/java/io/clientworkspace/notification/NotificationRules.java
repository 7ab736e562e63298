package io.clientworkspace.notification;

import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalEvent;
import io.clientworkspace.file.FileEvent;
import io.clientworkspace.member.Permission;
import io.clientworkspace.message.MessageEvent;
import io.clientworkspace.project.ProjectEvent;
import io.clientworkspace.project.TaskEvent;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.record.RecordEvent;
import io.clientworkspace.request.RequestEvent;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.Stores;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The one place that says which events notify whom about what: event type to {@link NotificationKind}, subject,
 * title, visibility and audience; and which events make queued items about a subject internal.
 */
final class NotificationRules {

    /** Who is told. */
    sealed interface Audience {
    }

    /** Every member of the workspace who may see the item and holds {@code holding} (if given). */
    record Members(Optional<Permission> holding) implements Audience {
    }

    /** The named members, if they may see the item. */
    record Named(Set<UserId> users) implements Audience {
    }

    /** One change to tell. */
    record Change(WorkspaceId workspaceId, NotificationKind kind, NotificationSubject subject, String title,
                  Set<Permission> requires, Audience audience) {
    }

    /** A subject that became internal: queued items about it now need {@code permission}. */
    record Restriction(WorkspaceId workspaceId, NotificationSubject subject, Permission permission) {
    }

    private final Stores stores;

    NotificationRules(Stores stores) {
        this.stores = requireNonNull(stores, "stores must not be null");
    }

    /** The permissions needed to see an item of this visibility. */
    static Set<Permission> requiredFor(Visibility visibility) {
        return visibility == Visibility.TEAM ? EnumSet.of(Permission.VIEW_WORKSPACE, Permission.VIEW_INTERNAL)
                : EnumSet.of(Permission.VIEW_WORKSPACE);
    }

    private static Members everyone() {
        return new Members(Optional.empty());
    }

    private static Members holding(Permission permission) {
        return new Members(Optional.of(permission));
    }

    private static Change change(WorkspaceId ws, NotificationKind kind, SubjectType type, String id, String title,
                                 Visibility visibility, Audience audience) {
        return new Change(ws, kind, new NotificationSubject(type, id), title, requiredFor(visibility), audience);
    }

    /** What {@code event} tells, to whom (empty for events nobody is notified about). */
    List<Change> changes(DomainEvent event) {
        List<Change> changes = new ArrayList<>();
        if (event instanceof FileEvent.FileVersionAdded e) {
            changes.add(change(e.workspace(), NotificationKind.FILE_SHARED, SubjectType.FILE, e.fileId().value(),
                    e.name(), e.visibility(), everyone()));
        } else if (event instanceof FileEvent.FileVisibilityChanged e && e.visibility() == Visibility.CLIENT) {
            changes.add(change(e.workspace(), NotificationKind.FILE_SHARED, SubjectType.FILE, e.fileId().value(),
                    e.name(), e.visibility(), everyone()));
        } else if (event instanceof ApprovalEvent.ApprovalRequested e) {
            changes.add(change(e.workspace(), NotificationKind.APPROVAL_REQUESTED, SubjectType.APPROVAL,
                    e.requestId().value(), e.title(), e.visibility(), new Named(e.approvers())));
        } else if (event instanceof ApprovalEvent.ApprovalResolved e) {
            changes.add(change(e.workspace(), NotificationKind.APPROVAL_DECIDED, SubjectType.APPROVAL,
                    e.requestId().value(), e.title(), e.visibility(), everyone()));
        } else if (event instanceof MessageEvent.MessagePosted e) {
            changes.add(change(e.workspace(), NotificationKind.MESSAGE_POSTED, SubjectType.CONVERSATION,
                    e.conversationId().value(), conversationTitle(e), e.visibility(), everyone()));
        } else if (event instanceof MessageEvent.MemberMentioned e) {
            changes.add(change(e.workspace(), NotificationKind.MENTIONED, SubjectType.CONVERSATION,
                    e.conversationId().value(), conversationTitle(e), e.visibility(), new Named(Set.of(e.mentioned()))));
        } else if (event instanceof RequestEvent.RequestSubmitted e) {
            changes.add(change(e.workspace(), NotificationKind.REQUEST_SUBMITTED, SubjectType.REQUEST,
                    e.requestId().value(), e.title(), e.visibility(), holding(Permission.MANAGE_REQUESTS)));
        } else if (event instanceof RequestEvent.RequestStatusChanged e) {
            changes.add(change(e.workspace(), NotificationKind.REQUEST_UPDATED, SubjectType.REQUEST,
                    e.requestId().value(), requestTitle(e), e.visibility(), everyone()));
        } else if (event instanceof RequestEvent.RequestAssigned e && e.assignee().isPresent()) {
            changes.add(change(e.workspace(), NotificationKind.REQUEST_UPDATED, SubjectType.REQUEST,
                    e.requestId().value(), requestTitle(e), e.visibility(), new Named(Set.of(e.assignee().get()))));
        } else if (event instanceof TaskEvent.TaskAssigned e && e.assignee().isPresent()) {
            changes.add(change(e.workspace(), NotificationKind.TASK_ASSIGNED, SubjectType.TASK, e.taskId().value(),
                    e.title(), e.visibility(), new Named(Set.of(e.assignee().get()))));
        } else if (event instanceof TaskEvent.TaskOverdue e) {
            Audience audience = e.assignee().<Audience>map(a -> new Named(Set.of(a)))
                    .orElse(holding(e.side() == TaskSide.CLIENT ? Permission.COMPLETE_TASKS : Permission.MANAGE_PROJECTS));
            changes.add(change(e.workspace(), NotificationKind.ITEM_OVERDUE, SubjectType.TASK, e.taskId().value(),
                    e.title(), e.visibility(), audience));
        } else if (event instanceof ProjectEvent.MilestoneOverdue e) {
            changes.add(change(e.workspace(), NotificationKind.ITEM_OVERDUE, SubjectType.MILESTONE,
                    e.milestoneId().value(), e.title(), e.visibility(), holding(Permission.MANAGE_PROJECTS)));
        } else if (event instanceof ProjectEvent.StatusUpdatePosted e) {
            changes.add(change(e.workspace(), NotificationKind.STATUS_UPDATE_POSTED, SubjectType.PROJECT,
                    e.projectId().value(), projectName(e), e.visibility(), everyone()));
        } else if (event instanceof ProjectEvent.MilestoneDelivered e) {
            changes.add(change(e.workspace(), NotificationKind.MILESTONE_DELIVERED, SubjectType.MILESTONE,
                    e.milestoneId().value(), e.title(), e.visibility(), everyone()));
        } else if (event instanceof RecordEvent e && !(event instanceof RecordEvent.LinkedRecordDeleted)) {
            // Not event.visibility(): invoices' events are TEAM for the activity log; here permissions can be checked.
            Set<Permission> requires = requiredFor(e.recordVisibility());
            requires.add(e.requiredPermission());
            changes.add(new Change(e.record().workspaceId(), NotificationKind.RECORD_CHANGED,
                    new NotificationSubject(SubjectType.RECORD, e.record().id().value()), e.record().title(), requires,
                    everyone()));
        }
        return changes;
    }

    /** The subjects {@code event} made internal (queued items about them then need VIEW_INTERNAL). */
    List<Restriction> restrictions(DomainEvent event) {
        if (event instanceof RecordEvent.LinkedRecordChanged e && e.recordVisibility() == Visibility.TEAM) {
            return List.of(internal(e.record().workspaceId(), SubjectType.RECORD, e.record().id().value()));
        }
        if (event.visibility() != Visibility.TEAM) {
            return List.of();
        }
        Optional<Restriction> r = Optional.empty();
        if (event instanceof FileEvent.FileVisibilityChanged e) {
            r = Optional.of(internal(e.workspace(), SubjectType.FILE, e.fileId().value()));
        } else if (event instanceof TaskEvent.TaskUpdated e) {
            r = Optional.of(internal(e.workspace(), SubjectType.TASK, e.taskId().value()));
        } else if (event instanceof ProjectEvent.ProjectUpdated e) {
            r = Optional.of(internal(e.workspace(), SubjectType.PROJECT, e.projectId().value()));
        } else if (event instanceof ProjectEvent.MilestoneUpdated e) {
            r = Optional.of(internal(e.workspace(), SubjectType.MILESTONE, e.milestoneId().value()));
        }
        return r.map(List::of).orElse(List.of());
    }

    private static Restriction internal(WorkspaceId ws, SubjectType type, String id) {
        return new Restriction(ws, new NotificationSubject(type, id), Permission.VIEW_INTERNAL);
    }

    private String conversationTitle(MessageEvent e) {
        return stores.find(ConversationStore.class)
                .flatMap(s -> s.find(e.tenantId(), e.workspace(), e.conversationId()))
                .map(c -> c.title()).orElse("");
    }

    private String requestTitle(RequestEvent e) {
        return stores.find(RequestStore.class)
                .flatMap(s -> s.find(e.tenantId(), e.workspace(), e.requestId()))
                .map(r -> r.title()).orElse("");
    }

    private String projectName(ProjectEvent.StatusUpdatePosted e) {
        return stores.find(ProjectStore.class)
                .flatMap(s -> s.find(e.tenantId(), e.workspace(), e.projectId()))
                .map(p -> p.name()).orElse("");
    }
}
