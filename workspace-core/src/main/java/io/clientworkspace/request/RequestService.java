package io.clientworkspace.request;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.RequestId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileService;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Client requests and their workflow.
 *
 * <p>Who may do what: members with {@link Permission#SUBMIT_REQUESTS} submit requests, answer a request
 * WAITING_ON_CLIENT (moving it back to IN_PROGRESS) and reopen a resolved one within the reopen window; members
 * with {@link Permission#MANAGE_REQUESTS} (the team) move requests along {@link RequestStatus#next()}, assign them
 * to a team member of the workspace, set due dates and reopen them. Everyone who sees the workspace reads its
 * requests (there are no team-only fields yet); a request of a workspace the actor may not see is "not found".
 *
 * <p>Guarantees: answers are checked against the exact form version they are given for ({@link FormValidator},
 * every invalid field at once), attachments and file answers must be active client-visible files of the same
 * workspace that the submitter can see (any other id is refused alike, so nothing about internal or foreign files
 * is revealed); every change names the version it expects and a stale one is a {@code STALE_VERSION} conflict;
 * every failed call changes nothing. {@link ClientRequest#firstResponseAt()} is the first status change by a team
 * member or the first client-visible message of a team member in the request's own conversation (whichever comes
 * first), and {@link ClientRequest#resolvedAt()} the time it became DONE or DECLINED.
 *
 * <p>Concurrency: every change first takes the workspace's write lock ({@code WorkspaceAccess.requireWritable},
 * a row lock on the JPA stores), so changes of one workspace's requests are serialised and the optimistic version
 * only refuses callers who acted on a stale copy; the store therefore needs no {@code findForUpdate}.
 */
public final class RequestService {

    static final int MAX_ATTACHMENTS = 20;
    private static final int MAX_DESCRIPTION = 10_000;
    private static final int MAX_REASON = 2000;
    private static final int MAX_INBOX_WORKSPACES = 10_000;
    private static final String CURSOR = "req";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final FormStore forms;
    private final Optional<FileService> files;
    private final Duration reopenWindow;
    private final RequestStore requests;
    private final List<RequestLifecycleHook> hooks;

    RequestService(Kernel kernel, WorkspaceAccess access, Optional<FileService> files, Duration reopenWindow,
                   List<RequestLifecycleHook> hooks) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.forms = kernel.stores().require(FormStore.class);
        this.files = requireNonNull(files, "files must not be null");
        this.reopenWindow = requireNonNull(reopenWindow, "reopenWindow must not be null");
        this.requests = kernel.stores().require(RequestStore.class);
        this.hooks = List.copyOf(requireNonNull(hooks, "hooks must not be null"));
    }

    /**
     * Submits a request, free-form or through a form version (a library form or the workspace's own, not retired).
     * Needs {@link Permission#SUBMIT_REQUESTS}.
     *
     * @throws ValidationException naming every invalid field: {@code title}, {@code description},
     *                             {@code attachments[i]}, {@code form}, {@code answers.<fieldId>}
     * @throws ConflictException   {@code INVALID_STATE} if the form is retired
     */
    public ClientRequest submit(Actor actor, WorkspaceId workspaceId, NewRequest request) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(request, "request must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.SUBMIT_REQUESTS, "submit requests");
            return submitIn(actor, workspaceId, request, false, changes);
        });
    }

    /**
     * Submits inside the caller's unit of work, after its access checks (used by form assignments, which may submit
     * to a form retired after it was assigned: {@code allowRetired}).
     */
    ClientRequest submitIn(Actor actor, WorkspaceId workspaceId, NewRequest request, boolean allowRetired,
                           Changes changes) {
        List<FieldError> errors = new ArrayList<>();
        String title = text(errors, "title", request.title(), 1, 200, false);
        String description = text(errors, "description", request.description(), 0, MAX_DESCRIPTION, true);
        checkFiles(actor, workspaceId, "attachments", request.attachments(), errors);
        if (request.form().isEmpty()) {
            if (request.answers().size() > 0) {
                errors.add(FieldError.of("answers", "must be empty without a form"));
            }
        } else {
            FormRef ref = request.form().get();
            Optional<FormDefinition> form = forms.find(actor.tenantId(), ref.formId(), ref.version())
                    .filter(d -> d.workspaceId().isEmpty() || d.workspaceId().get().equals(workspaceId));
            if (form.isEmpty()) {
                errors.add(FieldError.of("form", "no such form version in this workspace"));
            } else {
                errors.addAll(FormValidator.errors(form.get(), request.answers(), false));
                checkFileAnswers(actor, workspaceId, form.get(), request.answers(), errors);
                if (errors.isEmpty() && !allowRetired && form.get().status() == FormStatus.RETIRED) {
                    throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                            "Form '" + form.get().name() + "' is retired and takes no new requests");
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.field().compareTo(b.field()));
            throw new ValidationException(errors);
        }
        ClientRequest stored = requests.insert(new ClientRequest(RequestId.of(kernel.newId()), actor.tenantId(),
                workspaceId, title, description, request.priority(), RequestStatus.SUBMITTED, Optional.empty(),
                Optional.empty(), request.form(), request.answers(), List.copyOf(new LinkedHashSet<>(request.attachments())),
                actor.userId(), changes.now(), Optional.empty(), Optional.empty(), Optional.empty(), 0));
        changes.publish(new RequestEvent.RequestSubmitted(actor.tenantId(), workspaceId, stored.id(), title,
                request.priority(), request.form(), actor, changes.now()));
        for (RequestLifecycleHook hook : hooks) {
            hook.submitted(actor, stored, changes);
        }
        return stored;
    }

    /** The request, if the actor sees its workspace. */
    public Optional<ClientRequest> find(Actor actor, WorkspaceId workspaceId, RequestId requestId) {
        requireNonNull(requestId, "requestId must not be null");
        if (access.findVisible(actor, workspaceId).isEmpty()) {
            return Optional.empty();
        }
        return requests.find(actor.tenantId(), workspaceId, requestId);
    }

    /** The request, or {@link NotFoundException}. */
    public ClientRequest get(Actor actor, WorkspaceId workspaceId, RequestId requestId) {
        return find(actor, workspaceId, requestId).orElseThrow(() -> new NotFoundException("request", requestId.value()));
    }

    /** The workspace's requests, newest first; only those with one of {@code statuses} unless it is empty. */
    public Page<ClientRequest> list(Actor actor, WorkspaceId workspaceId, Set<RequestStatus> statuses, PageRequest page) {
        requireNonNull(statuses, "statuses must not be null");
        requireNonNull(page, "page must not be null");
        access.visible(actor, workspaceId);
        Optional<RequestId> before = Cursors.decode(CURSOR, page.cursor()).map(RequestId::of);
        List<ClientRequest> rows = requests.list(actor.tenantId(), workspaceId, Set.copyOf(statuses), before,
                page.limit() + 1);
        return Cursors.page(rows, page.limit(), r -> Cursors.encode(CURSOR, r.id().value()));
    }

    /**
     * Moves the request to {@code to}. The team ({@link Permission#MANAGE_REQUESTS}) along
     * {@link RequestStatus#next()}; a client ({@link Permission#SUBMIT_REQUESTS}) only from WAITING_ON_CLIENT to
     * IN_PROGRESS. Declining needs a reason (1 to 2,000 characters).
     *
     * @throws ConflictException {@code STALE_VERSION} if the request is not at {@code expectedVersion};
     *                           {@code INVALID_STATE} if the transition is not allowed (use {@link #reopen} for
     *                           resolved requests)
     */
    public ClientRequest changeStatus(Actor actor, WorkspaceId workspaceId, RequestId requestId, RequestStatus to,
                                      Optional<String> reason, long expectedVersion) {
        requireNonNull(to, "to must not be null");
        requireNonNull(reason, "reason must not be null");
        Optional<String> why = reason.filter(r -> !r.isBlank());
        List<FieldError> errors = new ArrayList<>();
        if (to == RequestStatus.DECLINED && why.isEmpty()) {
            errors.add(FieldError.of("reason", "is required to decline a request"));
        } else if (to != RequestStatus.DECLINED && why.isPresent()) {
            errors.add(FieldError.of("reason", "is only given when declining"));
        }
        Optional<String> checkedReason = why.map(r -> text(errors, "reason", r, 1, MAX_REASON, true));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return kernel.write(changes -> {
            boolean team = writable(actor, workspaceId, "change the status of requests");
            ClientRequest current = current(actor, workspaceId, requestId, expectedVersion);
            if (!team && to != RequestStatus.IN_PROGRESS) {
                throw new AccessDeniedException(actor, Permission.MANAGE_REQUESTS.name(), "move a request to " + to);
            }
            boolean allowed = team ? current.status().next().contains(to) : current.status() == RequestStatus.WAITING_ON_CLIENT;
            if (!allowed) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Request '" + current.title()
                        + "' cannot move from " + current.status() + " to " + to
                        + (current.status().isResolved() ? "; reopen it first" : ""));
            }
            java.time.Instant now = changes.now();
            Optional<java.time.Instant> firstResponse = current.firstResponseAt().isEmpty() && actor.isTeam()
                    ? Optional.of(now) : current.firstResponseAt();
            ClientRequest stored = requests.update(current.withStatus(to, to.isResolved() ? Optional.of(now) : Optional.empty(),
                    checkedReason, firstResponse));
            changes.publish(new RequestEvent.RequestStatusChanged(actor.tenantId(), workspaceId, requestId,
                    current.status(), to, checkedReason, actor, now));
            return stored;
        });
    }

    /**
     * Reopens a DONE or DECLINED request (to IN_PROGRESS) within the kit's reopen window after its resolution;
     * the team or members with {@link Permission#SUBMIT_REQUESTS}. Clears the resolution time and decline reason.
     *
     * @throws ConflictException {@code INVALID_STATE} if it is not resolved or the window has passed;
     *                           {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public ClientRequest reopen(Actor actor, WorkspaceId workspaceId, RequestId requestId, long expectedVersion) {
        return kernel.write(changes -> {
            writable(actor, workspaceId, "reopen requests");
            ClientRequest current = current(actor, workspaceId, requestId, expectedVersion);
            if (!current.status().isResolved()) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Request '" + current.title() + "' is " + current.status() + ", not resolved");
            }
            java.time.Instant resolved = current.resolvedAt().orElse(current.submittedAt());
            if (changes.now().isAfter(resolved.plus(reopenWindow))) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Request '" + current.title()
                        + "' was resolved more than " + reopenWindow.toDays() + " days ago; submit a new request");
            }
            ClientRequest stored = requests.update(current.withStatus(RequestStatus.IN_PROGRESS, Optional.empty(),
                    Optional.empty(), current.firstResponseAt()));
            changes.publish(new RequestEvent.RequestStatusChanged(actor.tenantId(), workspaceId, requestId,
                    current.status(), RequestStatus.IN_PROGRESS, Optional.empty(), actor, changes.now()));
            return stored;
        });
    }

    /**
     * Assigns the request to a team member of the workspace, or unassigns it; needs
     * {@link Permission#MANAGE_REQUESTS}.
     *
     * @throws ValidationException on {@code assignee} if it is not a team member of the workspace
     */
    public ClientRequest assign(Actor actor, WorkspaceId workspaceId, RequestId requestId, Optional<UserId> assignee,
                                long expectedVersion) {
        requireNonNull(assignee, "assignee must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_REQUESTS, "assign requests");
            ClientRequest current = current(actor, workspaceId, requestId, expectedVersion);
            if (assignee.isPresent()) {
                Optional<Membership> member = kernel.stores().memberships().find(actor.tenantId(), workspaceId, assignee.get());
                if (member.isEmpty() || member.get().role().kind() != io.clientworkspace.ActorKind.TEAM) {
                    throw new ValidationException(FieldError.of("assignee",
                            "'" + assignee.get() + "' is not a team member of the workspace"));
                }
            }
            ClientRequest stored = requests.update(current.withAssignee(assignee));
            changes.publish(new RequestEvent.RequestAssigned(actor.tenantId(), workspaceId, requestId, assignee, actor,
                    changes.now()));
            return stored;
        });
    }

    /** Sets or clears the due date; needs {@link Permission#MANAGE_REQUESTS}. */
    public ClientRequest setDue(Actor actor, WorkspaceId workspaceId, RequestId requestId, Optional<LocalDate> due,
                                long expectedVersion) {
        requireNonNull(due, "due must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_REQUESTS, "set due dates of requests");
            ClientRequest current = current(actor, workspaceId, requestId, expectedVersion);
            ClientRequest stored = requests.update(current.withDue(due));
            changes.publish(new RequestEvent.RequestDueChanged(actor.tenantId(), workspaceId, requestId, due, actor,
                    changes.now()));
            return stored;
        });
    }

    /**
     * The team inbox: requests passing {@code filter} across every workspace of the tenant in which the actor holds
     * {@link Permission#MANAGE_REQUESTS}, newest first, keyset paged; one store call per page. Clients get an empty
     * page. Finding the actor's workspaces costs a bounded number of statements whatever their number: the
     * membership queries of {@code WorkspaceAccess.memberGrants}, or for a tenant admin (who serves every workspace)
     * the tenant's workspace list, one statement per 500 workspaces, at most 10,000.
     */
    public Page<ClientRequest> inbox(Actor actor, InboxFilter filter, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(filter, "filter must not be null");
        requireNonNull(page, "page must not be null");
        Optional<RequestId> before = Cursors.decode(CURSOR, page.cursor()).map(RequestId::of);
        if (!actor.isTeam()) {
            return new Page<>(List.of(), Optional.empty());
        }
        // A bounded number of statements, not a permission lookup per workspace: a tenant admin serves every
        // workspace of the tenant; anyone else the workspaces where a membership grants MANAGE_REQUESTS.
        Set<WorkspaceId> served = new HashSet<>();
        if (access.grantsEverywhere(actor)) {
            served.addAll(access.allWorkspaces(actor, MAX_INBOX_WORKSPACES));
        } else {
            access.memberGrants(actor).forEach((id, grant) -> {
                if (grant.allows(Permission.MANAGE_REQUESTS)) {
                    served.add(id);
                }
            });
        }
        if (served.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<ClientRequest> rows = requests.inbox(actor.tenantId(), served, filter, before, page.limit() + 1);
        return Cursors.page(rows, page.limit(), r -> Cursors.encode(CURSOR, r.id().value()));
    }

    /**
     * Records a message posted in the request's own conversation; called by the conversations feature inside the
     * unit of work that posts the message, after its checks (a host never needs to call it). Only a client-visible
     * message counts, so an internal note never changes what a client sees of the request: one by a team member
     * sets {@link ClientRequest#firstResponseAt()} if it is not set yet; one by a client allowed to
     * {@link Permission#SUBMIT_REQUESTS} while the request is WAITING_ON_CLIENT moves it to IN_PROGRESS (publishing
     * {@link RequestEvent.RequestStatusChanged} by that client), as answering it through {@link #changeStatus}
     * would. Does nothing for a request that does not exist in the workspace.
     *
     * @param clientVisible whether the message is client-visible (not an internal note)
     */
    public void messagePosted(Actor actor, WorkspaceId workspaceId, RequestId requestId, boolean clientVisible,
                              Changes changes) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(requestId, "requestId must not be null");
        requireNonNull(changes, "changes must not be null");
        if (!clientVisible) {
            return;
        }
        Optional<ClientRequest> found = requests.find(actor.tenantId(), workspaceId, requestId);
        if (found.isEmpty()) {
            return;
        }
        ClientRequest current = found.get();
        if (actor.isTeam()) {
            if (current.firstResponseAt().isEmpty()) {
                requests.update(current.withStatus(current.status(), current.resolvedAt(), current.declineReason(),
                        Optional.of(changes.now())));
            }
        } else if (current.status() == RequestStatus.WAITING_ON_CLIENT
                && access.grant(actor, workspaceId).allows(Permission.SUBMIT_REQUESTS)) {
            requests.update(current.withStatus(RequestStatus.IN_PROGRESS, Optional.empty(), Optional.empty(),
                    current.firstResponseAt()));
            changes.publish(new RequestEvent.RequestStatusChanged(actor.tenantId(), workspaceId, requestId,
                    RequestStatus.WAITING_ON_CLIENT, RequestStatus.IN_PROGRESS, Optional.empty(), actor, changes.now()));
        }
    }

    // ------------------------------------------------------------------------------------------ internals

    /** Checks the actor may change requests here; true for the team (MANAGE_REQUESTS), false for a submitter. */
    private boolean writable(Actor actor, WorkspaceId workspaceId, String action) {
        access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, action);
        var grant = access.grant(actor, workspaceId);
        if (grant.allows(Permission.MANAGE_REQUESTS)) {
            return true;
        }
        if (grant.allows(Permission.SUBMIT_REQUESTS)) {
            return false;
        }
        throw new AccessDeniedException(actor, Permission.SUBMIT_REQUESTS.name(), action);
    }

    private ClientRequest current(Actor actor, WorkspaceId workspaceId, RequestId requestId, long expectedVersion) {
        requireNonNull(requestId, "requestId must not be null");
        ClientRequest current = requests.find(actor.tenantId(), workspaceId, requestId)
                .orElseThrow(() -> new NotFoundException("request", requestId.value()));
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion("request", requestId.value(), expectedVersion);
        }
        return current;
    }

    /** Adds an error per file that is not an active client-visible file of the workspace the actor sees. */
    void checkFiles(Actor actor, WorkspaceId workspaceId, String field, List<FileId> ids, List<FieldError> errors) {
        if (ids.size() > MAX_ATTACHMENTS) {
            errors.add(FieldError.of(field, "must hold at most " + MAX_ATTACHMENTS + " files"));
            return;
        }
        Set<FileId> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String path = field + "[" + i + "]";
            if (!seen.add(ids.get(i))) {
                errors.add(FieldError.of(path, "is listed twice"));
            } else {
                fileProblem(actor, workspaceId, ids.get(i)).ifPresent(why -> errors.add(FieldError.of(path, why)));
            }
        }
    }

    void checkFileAnswers(Actor actor, WorkspaceId workspaceId, FormDefinition form, FormAnswers answers,
                          List<FieldError> errors) {
        for (Map.Entry<String, AnswerValue> e : answers.values().entrySet()) {
            if (e.getValue() instanceof AnswerValue.File file && form.field(e.getKey())
                    .filter(f -> f instanceof FormField.FileField).isPresent()) {
                fileProblem(actor, workspaceId, file.value())
                        .ifPresent(why -> errors.add(FieldError.of("answers." + e.getKey(), why)));
            }
        }
    }

    /** Why the file cannot be referenced, in the same words whether it is missing, internal or elsewhere. */
    private Optional<String> fileProblem(Actor actor, WorkspaceId workspaceId, FileId id) {
        if (files.isEmpty()) {
            return Optional.of("files are unavailable in this kit");
        }
        Optional<FileAsset> file = files.get().find(actor, workspaceId, id)
                .filter(f -> f.status() == FileStatus.ACTIVE && f.visibility() == Visibility.CLIENT);
        return file.isPresent() ? Optional.empty() : Optional.of("no such file in this workspace");
    }

    private static String text(List<FieldError> errors, String field, String value, int min, int max, boolean lineBreaks) {
        String stripped = value.strip();
        if (stripped.length() < min || value.length() > max) {
            errors.add(FieldError.of(field, min == 0 ? "must be at most " + max + " characters"
                    : "must be " + min + " to " + max + " characters, not blank"));
        } else if (FormSchema.hasControl(value, lineBreaks)) {
            errors.add(FieldError.of(field, "must not contain control characters"));
        }
        return stripped;
    }
}
