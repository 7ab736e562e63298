package io.clientworkspace.internal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.InvitationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalEvent;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.calendar.CalendarEvent;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.message.ConversationKind;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.message.MessageEvent;
import io.clientworkspace.AssignmentId;
import io.clientworkspace.FormId;
import io.clientworkspace.RequestId;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.project.ProjectEvent;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.TaskEvent;
import io.clientworkspace.project.TaskListKind;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormEvent;
import io.clientworkspace.template.TemplateEvent;
import io.clientworkspace.TemplateId;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.request.Priority;
import io.clientworkspace.request.RequestEvent;
import io.clientworkspace.request.RequestStatus;
import java.time.LocalDate;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.file.FileEvent;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryActivityStore;
import io.clientworkspace.memory.InMemoryTransactions;
import io.clientworkspace.tenant.TenantEvent;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceEvent;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The activity entry each event type appends when it is published: the documented action, target and
 * visibility, and the details; events outside a workspace append none. Every event type of the core is in
 * the table, so a new one cannot go unspecified.
 */
class DerivedActivityTest {

    private static final TenantId T = TenantId.of("t-1");
    private static final WorkspaceId W = WorkspaceId.of("w-1");
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Actor BOB = Actor.team(T, "bob");
    private static final Actor CAROL = Actor.client(T, "carol");
    private static final FileId FILE = FileId.of("f-1");
    private static final ApprovalId APPROVAL = ApprovalId.of("a-1");
    private static final InvitationId INVITATION = InvitationId.of("i-1");
    private static final ConversationId CONVERSATION = ConversationId.of("c-1");
    private static final MessageId MESSAGE = MessageId.of("m-1");
    private static final FormId FORM = FormId.of("fm-1");
    private static final AssignmentId ASSIGNMENT = AssignmentId.of("as-1");
    private static final RequestId REQUEST = RequestId.of("rq-1");
    private static final ScheduledEventId EVENT = ScheduledEventId.of("ev-1");
    private static final String SHA = "ab".repeat(32);
    private static final ProjectId PROJECT = ProjectId.of("p-1");
    private static final MilestoneId MILESTONE = MilestoneId.of("ms-1");
    private static final StatusUpdateId STATUS = StatusUpdateId.of("su-1");
    private static final TaskListId LIST = TaskListId.of("tl-1");
    private static final TaskId TASK = TaskId.of("tk-1");
    private static final TemplateId TEMPLATE = TemplateId.of("tp-1");
    private static final LocalDate DUE = LocalDate.of(2026, 2, 1);
    private static final Actor SYSTEM = Actor.team(T, "workspace");
    private static final Workspace ACME = new Workspace(W, T, "acme", "Acme", Optional.of("crm-1"), Branding.none(),
            WorkspaceStatus.ACTIVE, AT, AT, 0);

    /** One row: an event and the entry it must append. */
    private record Row(DomainEvent event, String action, String targetType, String targetId, Visibility visibility,
                       Map<String, String> details) {
    }

    private static Row row(DomainEvent event, String action, String targetType, String targetId, Visibility visibility,
                           Map<String, String> details) {
        return new Row(event, action, targetType, targetId, visibility, details);
    }

    private static List<Row> table() {
        Workspace renamed = ACME.withName("Acme 2", AT);
        return List.of(
                row(new WorkspaceEvent.WorkspaceCreated(T, W, "acme", "Acme", BOB, AT),
                        "workspace.created", "workspace", "w-1", Visibility.CLIENT, Map.of("name", "Acme", "slug", "acme")),
                row(new WorkspaceEvent.WorkspaceUpdated(T, W, WorkspaceEvent.Change.RENAMED, ACME, renamed, BOB, AT),
                        "workspace.renamed", "workspace", "w-1", Visibility.CLIENT, Map.of("from", "Acme", "to", "Acme 2")),
                row(new WorkspaceEvent.WorkspaceUpdated(T, W, WorkspaceEvent.Change.BRANDING_CHANGED, ACME,
                                ACME.withBranding(Branding.none().withAccentColor("#000000"), AT), BOB, AT),
                        "workspace.branding-changed", "workspace", "w-1", Visibility.CLIENT, Map.of()),
                row(new WorkspaceEvent.WorkspaceUpdated(T, W, WorkspaceEvent.Change.EXTERNAL_REF_CHANGED, ACME,
                                withoutRef(ACME), BOB, AT),
                        "workspace.external-ref-changed", "workspace", "w-1", Visibility.TEAM, Map.of("externalRef", "")),
                row(new WorkspaceEvent.WorkspaceArchived(T, W, BOB, AT),
                        "workspace.archived", "workspace", "w-1", Visibility.CLIENT, Map.of()),
                row(new WorkspaceEvent.WorkspaceRestored(T, W, BOB, AT),
                        "workspace.restored", "workspace", "w-1", Visibility.CLIENT, Map.of()),
                row(new MemberEvent.MemberAdded(T, W, UserId.of("tom"), WorkspaceRole.MEMBER, BOB, AT),
                        "member.added", "membership", "tom", Visibility.CLIENT, Map.of("role", "MEMBER")),
                row(new MemberEvent.MemberRoleChanged(T, W, UserId.of("dave"), WorkspaceRole.CLIENT_VIEWER,
                                WorkspaceRole.CLIENT_CONTRIBUTOR, BOB, AT),
                        "member.role-changed", "membership", "dave", Visibility.CLIENT,
                        Map.of("from", "CLIENT_VIEWER", "to", "CLIENT_CONTRIBUTOR")),
                row(new MemberEvent.MemberRemoved(T, W, UserId.of("dave"), WorkspaceRole.CLIENT_VIEWER, BOB, AT),
                        "member.removed", "membership", "dave", Visibility.CLIENT, Map.of("role", "CLIENT_VIEWER")),
                row(new MemberEvent.InvitationCreated(T, W, INVITATION, "zach@acme.test", WorkspaceRole.CLIENT_VIEWER,
                                AT.plus(Duration.ofDays(7)), BOB, AT),
                        "invitation.created", "invitation", "i-1", Visibility.TEAM,
                        Map.of("email", "zach@acme.test", "role", "CLIENT_VIEWER")),
                row(new MemberEvent.InvitationAccepted(T, W, INVITATION, UserId.of("zach"), "zach@acme.test",
                                Actor.client(T, "zach"), AT),
                        "invitation.accepted", "invitation", "i-1", Visibility.TEAM, Map.of("email", "zach@acme.test")),
                row(new MemberEvent.InvitationRevoked(T, W, INVITATION, "zach@acme.test", BOB, AT),
                        "invitation.revoked", "invitation", "i-1", Visibility.TEAM, Map.of("email", "zach@acme.test")),
                row(new FileEvent.FileVersionAdded(T, W, FILE, 1, "a.txt", SHA, 12, "text/plain", Visibility.CLIENT, CAROL, AT),
                        "file.uploaded", "file", "f-1", Visibility.CLIENT, Map.of("name", "a.txt", "version", "1",
                                "sha256", SHA, "size", "12", "type", "text/plain")),
                row(new FileEvent.FileVersionAdded(T, W, FILE, 2, "a.txt", SHA, 12, "text/plain", Visibility.TEAM, BOB, AT),
                        "file.version-added", "file", "f-1", Visibility.TEAM, Map.of("name", "a.txt", "version", "2",
                                "sha256", SHA, "size", "12", "type", "text/plain")),
                row(new FileEvent.FileTrashedOrRestored(T, W, FILE, FileStatus.TRASHED, "a.txt", Visibility.CLIENT, BOB, AT),
                        "file.trashed", "file", "f-1", Visibility.CLIENT, Map.of("name", "a.txt")),
                row(new FileEvent.FileTrashedOrRestored(T, W, FILE, FileStatus.ACTIVE, "a.txt", Visibility.TEAM, BOB, AT),
                        "file.restored", "file", "f-1", Visibility.TEAM, Map.of("name", "a.txt")),
                row(new FileEvent.FileVisibilityChanged(T, W, FILE, "a.txt", Visibility.TEAM, BOB, AT),
                        "file.withdrawn", "file", "f-1", Visibility.TEAM, Map.of("name", "a.txt", "visibility", "TEAM")),
                row(new FileEvent.FileVisibilityChanged(T, W, FILE, "a.txt", Visibility.CLIENT, BOB, AT),
                        "file.shared", "file", "f-1", Visibility.CLIENT, Map.of("name", "a.txt", "visibility", "CLIENT")),
                row(new FileEvent.FilePurged(T, W, FILE, "a.txt", new TreeMap<>(Map.of(1, SHA, 2, SHA)), BOB, AT),
                        "file.purged", "file", "f-1", Visibility.TEAM, Map.of("name", "a.txt", "versions", "2",
                                "part", "1/1", "sha256.v1", SHA, "sha256.v2", SHA)),
                row(new FileEvent.FolderChanged(T, W, FolderId.of("d-1"), "created", "Briefs", Visibility.CLIENT, BOB, AT),
                        "folder.created", "folder", "d-1", Visibility.CLIENT, Map.of("name", "Briefs")),
                row(new FileEvent.FolderChanged(T, W, FolderId.of("d-1"), "renamed", "Drafts", Visibility.TEAM, BOB, AT),
                        "folder.renamed", "folder", "d-1", Visibility.TEAM, Map.of("name", "Drafts")),
                row(new FileEvent.FolderChanged(T, W, FolderId.of("d-1"), FileEvent.FolderChanged.MADE_INTERNAL,
                                "Briefs (deleted by a client)", Visibility.TEAM, CAROL, AT),
                        "folder.made-internal", "folder", "d-1", Visibility.TEAM, Map.of("name",
                                "Briefs (deleted by a client)", "reason", "deleted by a client while it held internal items")),
                row(new FileEvent.FileDownloaded(T, W, FILE, 3, CAROL, AT),
                        "file.downloaded", "file", "f-1", Visibility.TEAM, Map.of("version", "3")),
                row(new ApprovalEvent.ApprovalRequested(T, W, APPROVAL, "Sign off", Set.of(CAROL.userId()),
                                ApprovalPolicy.quorum(1), Optional.of(new ApprovalSubject.FileVersionSubject(FILE, 2, SHA)),
                                Visibility.CLIENT, BOB, AT),
                        "approval.requested", "approval", "a-1", Visibility.CLIENT, Map.of("title", "Sign off",
                                "policy", "QUORUM(1)", "file", "f-1", "version", "2", "sha256", SHA)),
                row(new ApprovalEvent.ApprovalRequested(T, W, APPROVAL, "Logo", Set.of(CAROL.userId()),
                                ApprovalPolicy.any(), Optional.empty(), Visibility.CLIENT, BOB, AT),
                        "approval.requested", "approval", "a-1", Visibility.CLIENT, Map.of("title", "Logo", "policy", "ANY")),
                row(new ApprovalEvent.DecisionRecorded(T, W, APPROVAL, DecisionKind.REQUEST_CHANGES, Optional.of(SHA),
                                Visibility.TEAM, BOB, AT),
                        "approval.decided", "approval", "a-1", Visibility.TEAM,
                        Map.of("decision", "REQUEST_CHANGES", "sha256", SHA)),
                row(new ApprovalEvent.DecisionRecorded(T, W, APPROVAL, DecisionKind.APPROVE, Optional.empty(),
                                Visibility.CLIENT, CAROL, AT),
                        "approval.decided", "approval", "a-1", Visibility.CLIENT, Map.of("decision", "APPROVE")),
                resolved(ApprovalStatus.APPROVED, "approval.approved", Optional.empty()),
                resolved(ApprovalStatus.REJECTED, "approval.rejected", Optional.empty()),
                resolved(ApprovalStatus.CHANGES_REQUESTED, "approval.changes-requested", Optional.empty()),
                resolved(ApprovalStatus.CANCELLED, "approval.cancelled", Optional.empty()),
                resolved(ApprovalStatus.CANCELLED, "approval.cancelled", Optional.of("file withdrawn")),
                resolved(ApprovalStatus.EXPIRED, "approval.expired", Optional.empty()),
                resolved(ApprovalStatus.SUPERSEDED, "approval.superseded", Optional.empty()),
                row(new MessageEvent.ConversationStarted(T, W, CONVERSATION, ConversationKind.TOPIC, "Launch",
                                Optional.empty(), Visibility.CLIENT, BOB, AT),
                        "conversation.started", "conversation", "c-1", Visibility.CLIENT,
                        Map.of("kind", "TOPIC", "title", "Launch")),
                row(new MessageEvent.ConversationStarted(T, W, CONVERSATION, ConversationKind.ITEM, "File f-1",
                                Optional.of(new ItemRef(ItemType.FILE, "f-1")), Visibility.TEAM, BOB, AT),
                        "conversation.started", "conversation", "c-1", Visibility.TEAM,
                        Map.of("kind", "ITEM", "title", "File f-1", "itemType", "FILE", "itemId", "f-1")),
                row(new MessageEvent.MessagePosted(T, W, CONVERSATION, MESSAGE, Visibility.CLIENT, CAROL, AT),
                        "message.posted", "message", "m-1", Visibility.CLIENT, Map.of("conversation", "c-1")),
                row(new MessageEvent.MessageEdited(T, W, CONVERSATION, MESSAGE, 2, Visibility.TEAM, BOB, AT),
                        "message.edited", "message", "m-1", Visibility.TEAM, Map.of("conversation", "c-1", "revision", "2")),
                row(new MessageEvent.MessageDeleted(T, W, CONVERSATION, MESSAGE, Visibility.CLIENT, BOB, AT),
                        "message.deleted", "message", "m-1", Visibility.CLIENT, Map.of("conversation", "c-1")),
                row(new MessageEvent.MemberMentioned(T, W, CONVERSATION, MESSAGE, CAROL.userId(), Visibility.CLIENT, BOB, AT),
                        "message.mentioned", "message", "m-1", Visibility.CLIENT,
                        Map.of("conversation", "c-1", "member", "carol")),
                row(new FormEvent.FormChanged(T, Optional.of(W), FORM, FormEvent.Change.REVISED, "brief", "Brief", 2, BOB, AT),
                        "form.revised", "form", "fm-1", Visibility.TEAM, Map.of("key", "brief", "name", "Brief", "version", "2")),
                row(new FormEvent.AssignmentChanged(T, W, ASSIGNMENT, FORM, 2, AssignmentStatus.OPEN, "Intake",
                                Optional.of(LocalDate.of(2026, 2, 1)), Optional.empty(), BOB, AT),
                        "form.assigned", "form-assignment", "as-1", Visibility.CLIENT,
                        Map.of("title", "Intake", "form", "fm-1", "version", "2", "due", "2026-02-01")),
                row(new FormEvent.AssignmentChanged(T, W, ASSIGNMENT, FORM, 2, AssignmentStatus.SUBMITTED, "Intake",
                                Optional.empty(), Optional.of(REQUEST), CAROL, AT),
                        "form.submitted", "form-assignment", "as-1", Visibility.CLIENT,
                        Map.of("title", "Intake", "form", "fm-1", "version", "2", "request", "rq-1")),
                row(new RequestEvent.RequestSubmitted(T, W, REQUEST, "New logo", Priority.HIGH,
                                Optional.of(new FormRef(FORM, 2)), CAROL, AT),
                        "request.submitted", "request", "rq-1", Visibility.CLIENT,
                        Map.of("title", "New logo", "priority", "HIGH", "form", "fm-1", "version", "2")),
                row(new RequestEvent.RequestStatusChanged(T, W, REQUEST, RequestStatus.IN_PROGRESS, RequestStatus.DECLINED,
                                Optional.of("out of scope"), BOB, AT),
                        "request.status-changed", "request", "rq-1", Visibility.CLIENT,
                        Map.of("from", "IN_PROGRESS", "to", "DECLINED", "reason", "out of scope")),
                row(new RequestEvent.RequestStatusChanged(T, W, REQUEST, RequestStatus.DONE, RequestStatus.IN_PROGRESS,
                                Optional.empty(), CAROL, AT),
                        "request.reopened", "request", "rq-1", Visibility.CLIENT, Map.of("from", "DONE", "to", "IN_PROGRESS")),
                row(new RequestEvent.RequestAssigned(T, W, REQUEST, Optional.of(UserId.of("tom")), BOB, AT),
                        "request.assigned", "request", "rq-1", Visibility.CLIENT, Map.of("assignee", "tom")),
                row(new RequestEvent.RequestDueChanged(T, W, REQUEST, Optional.of(LocalDate.of(2026, 3, 1)), BOB, AT),
                        "request.due-changed", "request", "rq-1", Visibility.CLIENT, Map.of("due", "2026-03-01")),
                row(new CalendarEvent.EventScheduled(T, W, EVENT, "Upgrade", EventKind.MAINTENANCE, AT,
                                AT.plus(Duration.ofHours(2)), Visibility.CLIENT, BOB, AT),
                        "calendar.scheduled", "scheduled-event", "ev-1", Visibility.CLIENT, Map.of("title", "Upgrade",
                                "kind", "MAINTENANCE", "start", "2026-01-05T09:00:00Z", "end", "2026-01-05T11:00:00Z")),
                row(new CalendarEvent.EventUpdated(T, W, EVENT, "Review", EventKind.REVIEW, AT,
                                AT.plus(Duration.ofHours(1)), Visibility.TEAM, BOB, AT),
                        "calendar.updated", "scheduled-event", "ev-1", Visibility.TEAM, Map.of("title", "Review",
                                "kind", "REVIEW", "start", "2026-01-05T09:00:00Z", "end", "2026-01-05T10:00:00Z")),
                row(new CalendarEvent.EventCancelled(T, W, EVENT, "Upgrade", EventKind.MAINTENANCE, AT,
                                AT.plus(Duration.ofHours(2)), Visibility.CLIENT, BOB, AT),
                        "calendar.cancelled", "scheduled-event", "ev-1", Visibility.CLIENT, Map.of("title", "Upgrade",
                                "kind", "MAINTENANCE", "start", "2026-01-05T09:00:00Z", "end", "2026-01-05T11:00:00Z")),
                row(new ProjectEvent.ProjectCreated(T, W, PROJECT, "Brand refresh", Visibility.CLIENT, BOB, AT),
                        "project.created", "project", "p-1", Visibility.CLIENT, Map.of("name", "Brand refresh")),
                row(new ProjectEvent.ProjectUpdated(T, W, PROJECT, "Brand refresh", Set.of("targetDate", "name"),
                                Visibility.TEAM, BOB, AT),
                        "project.updated", "project", "p-1", Visibility.TEAM,
                        Map.of("name", "Brand refresh", "changed", "name,targetDate")),
                row(new ProjectEvent.ProjectHealthChanged(T, W, PROJECT, "Brand refresh", ProjectHealth.ON_TRACK,
                                ProjectHealth.AT_RISK, Optional.of(STATUS), Visibility.CLIENT, BOB, AT),
                        "project.health-changed", "project", "p-1", Visibility.CLIENT, Map.of("name", "Brand refresh",
                                "from", "ON_TRACK", "to", "AT_RISK", "statusUpdate", "su-1")),
                row(new ProjectEvent.ProjectHealthChanged(T, W, PROJECT, "Brand refresh", ProjectHealth.AT_RISK,
                                ProjectHealth.ON_HOLD, Optional.empty(), Visibility.TEAM, BOB, AT),
                        "project.health-changed", "project", "p-1", Visibility.TEAM, Map.of("name", "Brand refresh",
                                "from", "AT_RISK", "to", "ON_HOLD")),
                row(new ProjectEvent.MilestoneAdded(T, W, PROJECT, MILESTONE, "Logo", Optional.of(DUE), Visibility.CLIENT,
                                BOB, AT),
                        "milestone.added", "milestone", "ms-1", Visibility.CLIENT,
                        Map.of("project", "p-1", "title", "Logo", "due", "2026-02-01")),
                row(new ProjectEvent.MilestoneUpdated(T, W, PROJECT, MILESTONE, "Logo", Optional.empty(),
                                Set.of("approval"), Visibility.CLIENT, BOB, AT),
                        "milestone.updated", "milestone", "ms-1", Visibility.CLIENT,
                        Map.of("project", "p-1", "title", "Logo", "changed", "approval")),
                row(new ProjectEvent.MilestoneDelivered(T, W, PROJECT, MILESTONE, "Logo", Visibility.CLIENT, BOB, AT),
                        "milestone.delivered", "milestone", "ms-1", Visibility.CLIENT,
                        Map.of("project", "p-1", "title", "Logo")),
                row(new ProjectEvent.MilestoneUndelivered(T, W, PROJECT, MILESTONE, "Logo", Visibility.TEAM, BOB, AT),
                        "milestone.undelivered", "milestone", "ms-1", Visibility.TEAM,
                        Map.of("project", "p-1", "title", "Logo")),
                row(new ProjectEvent.MilestoneOverdue(T, W, PROJECT, MILESTONE, "Logo", DUE, Visibility.CLIENT, SYSTEM, AT),
                        "milestone.overdue", "milestone", "ms-1", Visibility.CLIENT,
                        Map.of("project", "p-1", "title", "Logo", "due", "2026-02-01")),
                row(new ProjectEvent.StatusUpdatePosted(T, W, PROJECT, STATUS, ProjectHealth.AT_RISK, Visibility.TEAM,
                                BOB, AT),
                        "status-update.posted", "status-update", "su-1", Visibility.TEAM,
                        Map.of("project", "p-1", "health", "AT_RISK")),
                row(new ProjectEvent.StatusUpdateAcknowledged(T, W, PROJECT, STATUS, Visibility.CLIENT, CAROL, AT),
                        "status-update.acknowledged", "status-update", "su-1", Visibility.CLIENT, Map.of("project", "p-1")),
                row(new ProjectEvent.ContractSignedRecorded(T, W, AT.minus(Duration.ofDays(3)), BOB, AT),
                        "onboarding.contract-signed", "workspace", "w-1", Visibility.TEAM,
                        Map.of("signedAt", "2026-01-02T09:00:00Z")),
                row(new ProjectEvent.OnboardingChecklistCompleted(T, W, LIST, CAROL, AT),
                        "onboarding.checklist-completed", "task-list", "tl-1", Visibility.CLIENT, Map.of()),
                row(new ProjectEvent.FirstMilestoneDelivered(T, W, PROJECT, MILESTONE, "Logo", BOB, AT),
                        "onboarding.first-milestone-delivered", "milestone", "ms-1", Visibility.TEAM,
                        Map.of("project", "p-1", "title", "Logo")),
                row(new TaskEvent.TaskListCreated(T, W, LIST, Optional.of(PROJECT), TaskListKind.PROJECT, "Design",
                                Visibility.CLIENT, BOB, AT),
                        "task-list.created", "task-list", "tl-1", Visibility.CLIENT,
                        Map.of("name", "Design", "kind", "PROJECT", "project", "p-1")),
                row(new TaskEvent.TaskListCreated(T, W, LIST, Optional.empty(), TaskListKind.ONBOARDING, "Onboarding checklist",
                                Visibility.CLIENT, SYSTEM, AT),
                        "task-list.created", "task-list", "tl-1", Visibility.CLIENT,
                        Map.of("name", "Onboarding checklist", "kind", "ONBOARDING")),
                row(new TaskEvent.TaskListRenamed(T, W, LIST, "Design 2", Visibility.TEAM, BOB, AT),
                        "task-list.renamed", "task-list", "tl-1", Visibility.TEAM, Map.of("name", "Design 2")),
                row(new TaskEvent.TaskAdded(T, W, LIST, TASK, "Upload your logo", TaskSide.CLIENT,
                                Optional.of(CAROL.userId()), Optional.of(DUE), Visibility.CLIENT, BOB, AT),
                        "task.added", "task", "tk-1", Visibility.CLIENT, Map.of("list", "tl-1", "title", "Upload your logo",
                                "side", "CLIENT", "assignee", "carol", "due", "2026-02-01")),
                row(new TaskEvent.TaskUpdated(T, W, LIST, TASK, "Upload your logo", Set.of("notes", "dueDate"),
                                Visibility.CLIENT, BOB, AT),
                        "task.updated", "task", "tk-1", Visibility.CLIENT,
                        Map.of("list", "tl-1", "title", "Upload your logo", "changed", "dueDate,notes")),
                row(new TaskEvent.TaskAssigned(T, W, LIST, TASK, "Upload your logo", Optional.empty(), Visibility.CLIENT,
                                BOB, AT),
                        "task.assigned", "task", "tk-1", Visibility.CLIENT,
                        Map.of("list", "tl-1", "title", "Upload your logo", "assignee", "")),
                row(new TaskEvent.TaskCompleted(T, W, LIST, TASK, "Upload your logo", Visibility.CLIENT, CAROL, AT),
                        "task.completed", "task", "tk-1", Visibility.CLIENT,
                        Map.of("list", "tl-1", "title", "Upload your logo")),
                row(new TaskEvent.TaskReopened(T, W, LIST, TASK, "Upload your logo", Visibility.CLIENT, CAROL, AT),
                        "task.reopened", "task", "tk-1", Visibility.CLIENT,
                        Map.of("list", "tl-1", "title", "Upload your logo")),
                row(new TaskEvent.TaskMoved(T, W, LIST, TASK, "Upload your logo", Visibility.TEAM, BOB, AT),
                        "task.moved", "task", "tk-1", Visibility.TEAM, Map.of("list", "tl-1", "title", "Upload your logo")),
                row(new TaskEvent.TaskDeleted(T, W, LIST, TASK, "Upload your logo", Visibility.CLIENT, BOB, AT),
                        "task.deleted", "task", "tk-1", Visibility.CLIENT,
                        Map.of("list", "tl-1", "title", "Upload your logo")),
                row(new TaskEvent.TaskOverdue(T, W, LIST, TASK, "Upload your logo", DUE, TaskSide.CLIENT, Optional.empty(),
                                Visibility.CLIENT, SYSTEM, AT),
                        "task.overdue", "task", "tk-1", Visibility.CLIENT, Map.of("list", "tl-1",
                                "title", "Upload your logo", "due", "2026-02-01", "side", "CLIENT")),
                row(new TemplateEvent.WorkspaceCreatedFromTemplate(T, W, TEMPLATE, "retainer", 3, BOB, AT),
                        "workspace.created-from-template", "template", "tp-1", Visibility.TEAM,
                        Map.of("key", "retainer", "version", "3")),
                row(new io.clientworkspace.record.RecordEvent.LinkedRecordCreated(TICKET, BOB, AT),
                        "record.created", "record", "lr-1", Visibility.CLIENT,
                        Map.of("type", "TICKET", "hostId", "T-7", "title", "Login fails", "status", "OPEN")),
                row(new io.clientworkspace.record.RecordEvent.LinkedRecordChanged(TICKET, RESOLVED_TICKET, BOB, AT),
                        "record.changed", "record", "lr-1", Visibility.CLIENT,
                        Map.of("type", "TICKET", "hostId", "T-7", "title", "Login fails", "status", "RESOLVED")),
                row(new io.clientworkspace.record.RecordEvent.LinkedRecordDeleted(INVOICE, BOB, AT),
                        "record.deleted", "record", "lr-2", Visibility.TEAM,
                        Map.of("type", "INVOICE", "hostId", "INV-1", "title", "Deposit", "status", "OPEN")),
                row(new MemberEvent.ClientRoleAssigned(T, W, UserId.of("carol"), Optional.empty(), Optional.of("finance"),
                                WorkspaceRole.CLIENT_CONTRIBUTOR, BOB, AT),
                        "member.client-role-assigned", "membership", "carol", Visibility.TEAM,
                        Map.of("from", "-", "to", "finance", "role", "CLIENT_CONTRIBUTOR")));
    }

    private static final io.clientworkspace.record.LinkedRecord TICKET = new io.clientworkspace.record.LinkedRecord(
            io.clientworkspace.LinkedRecordId.of("lr-1"), T, W, io.clientworkspace.record.RecordType.TICKET, "T-7",
            "Login fails", "OPEN", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Visibility.CLIENT, AT, AT, 0);
    private static final io.clientworkspace.record.LinkedRecord RESOLVED_TICKET = new io.clientworkspace.record.LinkedRecord(
            TICKET.id(), T, W, TICKET.type(), "T-7", "Login fails", "RESOLVED", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Visibility.CLIENT, AT, AT, 1);
    /** A client-visible invoice: its events are still team-only. */
    private static final io.clientworkspace.record.LinkedRecord INVOICE = new io.clientworkspace.record.LinkedRecord(
            io.clientworkspace.LinkedRecordId.of("lr-2"), T, W, io.clientworkspace.record.RecordType.INVOICE, "INV-1",
            "Deposit", "OPEN", Optional.of(io.clientworkspace.record.Money.of("100.00", "EUR")), Optional.empty(),
            Optional.of(DUE), Optional.empty(), Optional.empty(), Optional.empty(), Visibility.CLIENT, AT, AT, 0);

    private static Row resolved(ApprovalStatus outcome, String action, Optional<String> reason) {
        Map<String, String> details = new TreeMap<>(Map.of("title", "Sign off", "turnaroundSeconds", "90"));
        reason.ifPresent(r -> details.put("reason", r));
        return row(new ApprovalEvent.ApprovalResolved(T, W, APPROVAL, outcome, "Sign off", Duration.ofSeconds(90), reason,
                Visibility.CLIENT, BOB, AT), action, "approval", "a-1", Visibility.CLIENT, details);
    }

    /** Events that happen in no workspace and so record no activity. */
    private static List<DomainEvent> outsideAnyWorkspace() {
        return List.of(
                new TenantEvent.TenantCreated(T, "Northwind", BOB, AT),
                new TenantEvent.TenantRenamed(T, "Northwind", "Northwind & Co", BOB, AT),
                new TenantEvent.TeamMemberChanged(T, UserId.of("tom"), TenantRole.TEAM_MEMBER, BOB, AT),
                new TenantEvent.TeamMemberRemoved(T, UserId.of("tom"), BOB, AT),
                new MemberEvent.PermissionMatrixChanged(T, BOB, AT),
                new FormEvent.FormChanged(T, Optional.empty(), FORM, FormEvent.Change.DEFINED, "brief", "Brief", 1, BOB, AT),
                new TemplateEvent.TemplateDefined(T, TEMPLATE, "retainer", "Retainer onboarding", BOB, AT),
                new TemplateEvent.TemplateRevised(T, TEMPLATE, "retainer", "Retainer onboarding", 2, BOB, AT),
                new TemplateEvent.TemplateRetired(T, TEMPLATE, "retainer", 2, BOB, AT),
                new TenantEvent.ClientRoleDefined(T, new io.clientworkspace.member.ClientRole(T, "finance", "Finance",
                        WorkspaceRole.CLIENT_CONTRIBUTOR, java.util.Set.of(io.clientworkspace.member.Permission.VIEW_WORKSPACE,
                        io.clientworkspace.member.Permission.VIEW_BILLING), 0), BOB, AT),
                new TenantEvent.ClientRoleRemoved(T, "finance", BOB, AT));
    }

    private static Workspace withoutRef(Workspace w) {
        return new Workspace(w.id(), w.tenantId(), w.slug(), w.name(), Optional.empty(), w.branding(), w.status(),
                w.createdAt(), w.updatedAt(), w.version());
    }

    private final InMemoryActivityStore store = new InMemoryActivityStore(new InMemoryTransactions());
    private final AtomicLong ids = new AtomicLong();
    private final Changes changes = new Changes(store, () -> "e-" + ids.incrementAndGet(), AT);

    private List<ActivityEntry> log() {
        return store.listOldestFirst(T, W, 0, 100);
    }

    @TestFactory
    Stream<DynamicTest> eachEventTypeAppendsItsDocumentedEntry() {
        return table().stream().map(r -> DynamicTest.dynamicTest(r.event().getClass().getSimpleName() + " -> " + r.action(),
                () -> {
                    InMemoryActivityStore own = new InMemoryActivityStore(new InMemoryTransactions());
                    Changes one = new Changes(own, () -> "e-1", AT);

                    one.publish(r.event());

                    assertThat(own.listOldestFirst(T, W, 0, 100)).singleElement().satisfies(e -> {
                        assertThat(e.action()).isEqualTo(r.action());
                        assertThat(e.targetType()).isEqualTo(r.targetType());
                        assertThat(e.targetId()).isEqualTo(r.targetId());
                        assertThat(e.visibility()).isEqualTo(r.visibility()).isEqualTo(r.event().visibility());
                        assertThat(e.details()).isEqualTo(r.details());
                        assertThat(e.actorId()).isEqualTo(r.event().actor().userId());
                        assertThat(e.actorKind()).isEqualTo(r.event().actor().kind());
                        assertThat(e.tenantId()).isEqualTo(T);
                        assertThat(e.workspaceId()).isEqualTo(W);
                        assertThat(e.occurredAt()).isEqualTo(AT);
                    });
                }));
    }

    @Test
    void everyEventTypeOfTheCoreIsInTheTable() {
        Set<String> specified = Stream.concat(table().stream().map(Row::event), outsideAnyWorkspace().stream())
                .map(e -> e.getClass().getName()).collect(Collectors.toSet());

        Set<String> eventTypes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.clientworkspace").stream()
                .filter(c -> c.isAssignableTo(DomainEvent.class) && !c.isInterface()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName).collect(Collectors.toSet());

        assertThat(eventTypes).isNotEmpty();
        assertThat(specified).isEqualTo(eventTypes);
    }

    @Test
    void eventsOutsideAnyWorkspaceAppendNoEntryButAreStillQueued() {
        outsideAnyWorkspace().forEach(changes::publish);

        assertThat(outsideAnyWorkspace()).allSatisfy(e -> assertThat(e.activity()).isEmpty());
        assertThat(changes.events()).hasSize(outsideAnyWorkspace().size());
    }

    @Test
    void entriesOfOneOperationFollowEachOtherInPublishingOrderOnOneChain() {
        changes.publish(new WorkspaceEvent.WorkspaceCreated(T, W, "acme", "Acme", BOB, AT));
        changes.publish(new MemberEvent.MemberAdded(T, W, BOB.userId(), WorkspaceRole.LEAD, BOB, AT));

        assertThat(log()).extracting(ActivityEntry::action).containsExactly("workspace.created", "member.added");
        assertThat(log()).extracting(ActivityEntry::sequence).containsExactly(1L, 2L);
        assertThat(log().get(0).previousHash()).isEqualTo(ActivityChain.GENESIS_HASH);
        assertThat(log().get(1).previousHash()).isEqualTo(log().get(0).hash());
        assertThat(log()).allSatisfy(e -> assertThat(ActivityChain.hash(e)).isEqualTo(e.hash()));
        assertThat(changes.events()).hasSize(2);
    }

    @Test
    void aPurgedFileWithManyVersionsLeavesATombstoneInPartsOfTwentyFiveVersions() {
        TreeMap<Integer, String> hashes = new TreeMap<>();
        IntStream.rangeClosed(1, 51).forEach(n -> hashes.put(n, SHA));

        changes.publish(new FileEvent.FilePurged(T, W, FILE, "a.txt", hashes, BOB, AT));

        assertThat(log()).extracting(e -> e.details().get("part")).containsExactly("1/3", "2/3", "3/3");
        assertThat(log()).extracting(e -> e.details().size()).containsExactly(28, 28, 4);
        assertThat(log()).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("file.purged");
            assertThat(e.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(e.details()).containsEntry("versions", "51").containsEntry("name", "a.txt");
        });
    }

    @Test
    void anEntryTakesTheActorOfTheEvent() {
        changes.publish(new FileEvent.FileDownloaded(T, W, FILE, 1, CAROL, AT));

        assertThat(log()).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo(UserId.of("carol"));
            assertThat(e.actorKind()).isEqualTo(ActorKind.CLIENT);
        });
    }

    @Test
    void tooManyDetailsAreRefusedBeforeAnythingIsAppended() {
        Map<String, String> many = new TreeMap<>();
        IntStream.range(0, 33).forEach(i -> many.put("k" + i, "v"));
        assertThatThrownBy(() -> changes.publish(new TooManyDetails(many))).isInstanceOf(IllegalArgumentException.class);
        assertThat(log()).isEmpty();
        assertThat(changes.events()).isEmpty();
    }

    /** A workspace event describing more details than an entry may hold. */
    private record TooManyDetails(Map<String, String> details) implements DomainEvent {
        @Override
        public TenantId tenantId() {
            return T;
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(W);
        }

        @Override
        public Actor actor() {
            return BOB;
        }

        @Override
        public Instant occurredAt() {
            return AT;
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<io.clientworkspace.activity.ActivityDescription> activity() {
            return List.of(new io.clientworkspace.activity.ActivityDescription("test.oversized", "test", "x", details));
        }
    }
}
