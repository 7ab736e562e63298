package io.clientworkspace.approval;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileService;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.InputValidator;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Requests approvals, records decisions and computes outcomes.
 *
 * <p>Guarantees: a decision on a file records the exact version and its SHA-256; decisions are only
 * ever appended, so the record keeps changed decisions in order; each decision and the outcome it
 * causes are one unit of work under a lock on the request, so concurrent decisions are all counted
 * and the outcome is computed from all of them; a new version of a file supersedes open requests on
 * older versions in the same unit of work that adds it; an open request past its due date reads as
 * EXPIRED at once (with the due date as its resolution time) and is stored so by the next decision,
 * cancellation or new version, each of which then leaves it expired, or by {@link #expireOverdue}.
 *
 * <p>Clients see requests about client-visible files and deliverables; requests about internal files
 * are invisible to them, like the files.
 */
public final class ApprovalService {

    private static final String CURSOR = "apr";
    private static final int MAX_APPROVERS = 50;
    private static final int MAX_FILE_REQUESTS = 500;

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Authorizer authorizer;
    private final FileService files;
    private final ApprovalStore approvalStore;
    private final FileStore fileStore;

    ApprovalService(Kernel kernel, WorkspaceAccess access, Authorizer authorizer, FileService files) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.files = requireNonNull(files, "files must not be null");
        this.approvalStore = kernel.stores().require(ApprovalStore.class);
        this.fileStore = kernel.stores().require(FileStore.class);
    }

    /** A file's visibility changed (a {@code FileLifecycleHook} contributed by {@link ApprovalFeature}). */
    void fileVisibilityChanged(Actor actor, FileAsset after, Changes changes) {
        if (after.visibility() == Visibility.TEAM) {
            cancelOpenOf(actor, after, changes, this::asksAClient, "file withdrawn");
        }
    }

    /** A trashed file is about to be purged (a {@code FileLifecycleHook} contributed by {@link ApprovalFeature}). */
    void filePurging(Actor actor, FileAsset file, Changes changes) {
        cancelOpenOf(actor, file, changes, r -> true, "file purged");
    }

    /** Asks for approval of one exact version of a file; needs {@link Permission#REQUEST_APPROVALS}. */
    public ApprovalRequest requestForFile(Actor actor, WorkspaceId workspaceId, FileId fileId, int versionNumber,
                                          NewApproval request) {
        requireNonNull(request, "request must not be null");
        FileAsset file = files.get(actor, workspaceId, fileId);
        if (file.status() != io.clientworkspace.file.FileStatus.ACTIVE) {
            // Clients never see the trash: an approval of a trashed file would show them a request about nothing.
            throw new io.clientworkspace.ConflictException(io.clientworkspace.ConflictException.Reason.INVALID_STATE,
                    "File '" + file.name() + "' is in the trash; restore it before asking for its approval");
        }
        // Looked up directly: the version list is capped (500 newest), and any version may be asked about.
        FileVersion version = fileStore.findVersion(actor.tenantId(), workspaceId, fileId, versionNumber)
                .orElseThrow(() -> new NotFoundException("file version", fileId + "@" + versionNumber));
        return create(actor, workspaceId, request, new ApprovalSubject.FileVersionSubject(fileId, versionNumber,
                version.sha256()), file.visibility());
    }

    /**
     * Asks for approval of a deliverable described in words; needs {@link Permission#REQUEST_APPROVALS}.
     * The link, when given, must be an absolute http or https URL (field {@code link}).
     */
    public ApprovalRequest requestForDeliverable(Actor actor, WorkspaceId workspaceId, String description,
                                                 Optional<String> link, NewApproval request) {
        requireNonNull(request, "request must not be null");
        String text = InputValidator.requireText("description", description, 4000);
        Optional<String> url = requireNonNull(link, "link must not be null").map(ApprovalService::requireWebLink);
        return create(actor, workspaceId, request, new ApprovalSubject.DeliverableSubject(text, url), Visibility.CLIENT);
    }

    /**
     * Records {@code actor}'s decision. The actor must be one of the approvers and hold
     * {@link Permission#DECIDE_APPROVALS}; REJECT and REQUEST_CHANGES need a comment.
     *
     * @return the request with its outcome after this decision
     * @throws ConflictException ({@code INVALID_STATE}) if the request is no longer open (decided, cancelled,
     *                           expired, superseded)
     */
    public ApprovalRequest decide(Actor actor, WorkspaceId workspaceId, ApprovalId requestId, DecisionKind kind,
                                  Optional<String> comment) {
        requireNonNull(kind, "kind must not be null");
        requireNonNull(comment, "comment must not be null");
        Optional<String> text = comment.filter(c -> !c.isBlank()).map(c -> InputValidator.requireText("comment", c, 4000));
        if (kind.needsComment() && text.isEmpty()) {
            throw new ValidationException(FieldError.of("comment", "is required to " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        }
        ApprovalRequest after = kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.DECIDE_APPROVALS, "decide approvals");
            ApprovalRequest current = visibleForUpdate(actor, workspaceId, requestId);
            if (!current.approvers().contains(actor.userId())) {
                throw new AccessDeniedException(actor, "being one of the approvers", "decide on approval '" + current.title() + "'");
            }
            if (expiresNow(current, changes.now())) {
                // Store the expiry (it happened whatever this caller wanted), then refuse the decision below.
                return resolve(actor, changes, current, ApprovalStatus.EXPIRED);
            }
            requireOpen(current);
            List<Decision> record = approvalStore.decisions(actor.tenantId(), workspaceId, requestId);
            Optional<Integer> version = Optional.empty();
            Optional<String> sha = Optional.empty();
            if (current.subject() instanceof ApprovalSubject.FileVersionSubject s) {
                version = Optional.of(s.versionNumber());
                sha = Optional.of(s.sha256());
            }
            Decision decision = new Decision(actor.tenantId(), workspaceId, requestId, record.size() + 1, actor.userId(),
                    actor.kind(), kind, text, changes.now(), version, sha);
            approvalStore.appendDecision(decision);
            List<Decision> all = new ArrayList<>(record);
            all.add(decision);
            Visibility visibility = visibility(current);
            changes.publish(new ApprovalEvent.DecisionRecorded(actor.tenantId(), workspaceId, requestId, kind, sha,
                    visibility, actor, changes.now()));
            ApprovalStatus outcome = ApprovalOutcome.of(current.policy(), current.approvers(), all);
            return outcome.isOpen() ? current : resolve(actor, changes, current, outcome);
        });
        if (after.status() == ApprovalStatus.EXPIRED) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Approval '" + after.title()
                    + "' expired at " + after.dueAt().orElseThrow() + " before this decision; ask for a new one");
        }
        return after;
    }

    /**
     * Withdraws an open request; the requester or anyone with {@link Permission#REQUEST_APPROVALS}.
     *
     * @throws ConflictException ({@code INVALID_STATE}) if the request is no longer open, including when it
     *                           is past its due date (the expiry is stored then)
     */
    public ApprovalRequest cancel(Actor actor, WorkspaceId workspaceId, ApprovalId requestId) {
        return cancel(actor, workspaceId, requestId, java.util.OptionalLong.empty());
    }

    /**
     * Like {@link #cancel(Actor, WorkspaceId, ApprovalId)}, only if the request is still at
     * {@code expectedVersion}, checked in the same unit of work (before an expiry would be stored).
     *
     * @throws ConflictException ({@code STALE_VERSION}) if the request's version is not {@code expectedVersion};
     *                           nothing changes then
     */
    public ApprovalRequest cancel(Actor actor, WorkspaceId workspaceId, ApprovalId requestId, long expectedVersion) {
        return cancel(actor, workspaceId, requestId, java.util.OptionalLong.of(expectedVersion));
    }

    private ApprovalRequest cancel(Actor actor, WorkspaceId workspaceId, ApprovalId requestId,
                                   java.util.OptionalLong expectedVersion) {
        ApprovalRequest after = kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, "cancel approvals");
            ApprovalRequest current = visibleForUpdate(actor, workspaceId, requestId);
            if (!current.requestedBy().equals(actor.userId())
                    && !access.grant(actor, workspaceId).allows(Permission.REQUEST_APPROVALS)) {
                throw new AccessDeniedException(actor, Permission.REQUEST_APPROVALS.name(), "cancel someone else's approval");
            }
            if (expectedVersion.isPresent() && current.version() != expectedVersion.getAsLong()) {
                throw ConflictException.staleVersion("approval", requestId.value(), expectedVersion.getAsLong());
            }
            if (expiresNow(current, changes.now())) {
                // It already reads as EXPIRED, a final status: store that rather than turn it into CANCELLED.
                return resolve(actor, changes, current, ApprovalStatus.EXPIRED);
            }
            requireOpen(current);
            return resolve(actor, changes, current, ApprovalStatus.CANCELLED);
        });
        if (after.status() == ApprovalStatus.EXPIRED) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Approval '" + after.title()
                    + "' expired at " + after.dueAt().orElseThrow() + " and can no longer be cancelled");
        }
        return after;
    }

    /** The request, if the actor may see it (its status as of now). */
    public Optional<ApprovalRequest> find(Actor actor, WorkspaceId workspaceId, ApprovalId requestId) {
        AccessGrant grant = readable(actor, workspaceId);
        return approvalStore.find(actor.tenantId(), workspaceId, requireNonNull(requestId, "requestId must not be null"))
                .filter(r -> visibleTo(grant, r)).map(this::asOfNow);
    }

    /**
     * Of {@code requestIds}, those the actor may see in this workspace: exactly the ids {@link #find} would answer,
     * read with one store call for all of them (for lists that show linked approvals, like a project's milestones).
     * Unknown ids and ids of other workspaces are left out.
     */
    public Set<ApprovalId> visibleAmong(Actor actor, WorkspaceId workspaceId, Collection<ApprovalId> requestIds) {
        requireNonNull(requestIds, "requestIds must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        if (requestIds.isEmpty()) {
            return Set.of();
        }
        return approvalStore.findAll(actor.tenantId(), workspaceId, requestIds).stream()
                .filter(r -> visibleTo(grant, r)).map(ApprovalRequest::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Who may see the request, if the actor may see it: {@link Visibility#CLIENT} when the workspace's clients see it,
     * {@link Visibility#TEAM} when it is the team's only (a request about an internal, trashed or purged file).
     * Reads only.
     */
    public Optional<Visibility> visibilityOf(Actor actor, WorkspaceId workspaceId, ApprovalId requestId) {
        AccessGrant grant = readable(actor, workspaceId);
        return approvalStore.find(actor.tenantId(), workspaceId, requireNonNull(requestId, "requestId must not be null"))
                .filter(r -> visibleTo(grant, r)).map(this::visibility);
    }

    /** The request, or {@link NotFoundException}. */
    public ApprovalRequest get(Actor actor, WorkspaceId workspaceId, ApprovalId requestId) {
        return find(actor, workspaceId, requestId).orElseThrow(() -> new NotFoundException("approval", requestId.value()));
    }

    /** The full record: request and every decision in order. */
    public ApprovalRecord record(Actor actor, WorkspaceId workspaceId, ApprovalId requestId) {
        ApprovalRequest request = get(actor, workspaceId, requestId);
        return new ApprovalRecord(request, approvalStore.decisions(actor.tenantId(), workspaceId, requestId));
    }

    /** Requests of the workspace the actor may see, newest first; only those with {@code status} when given. */
    public Page<ApprovalRequest> list(Actor actor, WorkspaceId workspaceId, Optional<ApprovalStatus> status,
                                      PageRequest page) {
        requireNonNull(status, "status must not be null");
        requireNonNull(page, "page must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        Optional<ApprovalId> before = Cursors.decode(CURSOR, page.cursor()).map(ApprovalId::of);
        List<ApprovalRequest> visible = new ArrayList<>();
        Optional<ApprovalId> from = before;
        int batch = page.limit() + 1;
        // Open requests past their due date read as EXPIRED before it is stored: the store filters by the stored
        // status, so EXPIRED also looks at the open ones, and every row is filtered again by its status as of now.
        Optional<ApprovalStatus> stored = status.filter(s -> s != ApprovalStatus.EXPIRED);
        while (visible.size() < batch) {
            List<ApprovalRequest> rows = approvalStore.list(actor.tenantId(), workspaceId, stored, from, batch);
            rows.stream().filter(r -> visibleTo(grant, r)).map(this::asOfNow)
                    .filter(r -> status.isEmpty() || r.status() == status.get()).limit(batch - visible.size())
                    .forEach(visible::add);
            if (rows.size() < batch) {
                break;
            }
            from = Optional.of(rows.get(rows.size() - 1).id());
        }
        return Cursors.page(visible, page.limit(), r -> Cursors.encode(CURSOR, r.id().value()));
    }

    /**
     * The requests about one file (any of its versions) the actor may see, newest first, at most
     * 500; each with its status as of now. A file the actor may not see (an internal
     * file for a client) answers {@link NotFoundException}, as an unknown id does.
     */
    public List<ApprovalRequest> listForFile(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        requireNonNull(fileId, "fileId must not be null");
        files.get(actor, workspaceId, fileId);
        AccessGrant grant = access.grant(actor, workspaceId);
        return approvalStore.listForFile(actor.tenantId(), workspaceId, fileId, MAX_FILE_REQUESTS).stream()
                .filter(r -> visibleTo(grant, r)).map(this::asOfNow).toList();
    }

    /**
     * The members who may be asked to approve a deliverable: those who hold {@link Permission#DECIDE_APPROVALS},
     * by user id, at most {@value PageRequest#MAX_LIMIT}. The same rule
     * {@link #requestForDeliverable} applies to the approvers it is given. Needs {@link Permission#REQUEST_APPROVALS}.
     */
    public List<Membership> eligibleApprovers(Actor actor, WorkspaceId workspaceId) {
        access.require(actor, workspaceId, Permission.REQUEST_APPROVALS, "see who may approve");
        return eligible(actor, workspaceId, Visibility.CLIENT);
    }

    /**
     * The members who may be asked to approve a version of the file: those who hold
     * {@link Permission#DECIDE_APPROVALS} and, for an internal file, {@link Permission#VIEW_INTERNAL}; by user
     * id, at most {@value PageRequest#MAX_LIMIT}. The same rule {@link #requestForFile} applies to the approvers
     * it is given. Needs {@link Permission#REQUEST_APPROVALS}; a file the actor may not see answers
     * {@link NotFoundException}.
     */
    public List<Membership> eligibleApprovers(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        requireNonNull(fileId, "fileId must not be null");
        access.require(actor, workspaceId, Permission.REQUEST_APPROVALS, "see who may approve");
        FileAsset file = files.get(actor, workspaceId, fileId);
        return eligible(actor, workspaceId, file.visibility());
    }

    /** Whether that exact version of the file has an APPROVED request whose hash matches its bytes. */
    public boolean isApproved(Actor actor, WorkspaceId workspaceId, FileId fileId, int versionNumber) {
        FileAsset file = files.get(actor, workspaceId, fileId);
        return isApprovedVersion(file, versionNumber);
    }

    /**
     * Maintenance for the host (no actor): stores EXPIRED on open requests past their due date, up to
     * {@code limit} per call.
     *
     * @return how many were expired
     */
    public int expireOverdue(int limit) {
        List<ApprovalRequest> overdue = approvalStore.listOverdue(kernel.now(), limit);
        int expired = 0;
        for (ApprovalRequest r : overdue) {
            Actor system = new Actor(r.tenantId(), r.requestedBy(), io.clientworkspace.ActorKind.TEAM);
            boolean done = kernel.write(changes -> {
                // The workspace first, then the request, in the order every other writer takes them (no deadlock),
                // and so that the expiry's activity entry does not collide with a concurrent writer's.
                if (kernel.stores().workspaces().findForUpdate(r.tenantId(), r.workspaceId()).isEmpty()) {
                    return false;
                }
                ApprovalRequest current = approvalStore.findForUpdate(r.tenantId(), r.workspaceId(), r.id())
                        .orElse(null);
                if (current == null || !expiresNow(current, changes.now())) {
                    return false;
                }
                resolve(system, changes, current, ApprovalStatus.EXPIRED);
                return true;
            });
            if (done) {
                expired++;
            }
        }
        return expired;
    }

    boolean isApprovedVersion(FileAsset file, int versionNumber) {
        Optional<FileVersion> version = fileStore.findVersion(file.tenantId(), file.workspaceId(), file.id(),
                versionNumber);
        if (version.isEmpty()) {
            return false;
        }
        return approvalStore.listForFile(file.tenantId(), file.workspaceId(), file.id(), 1000).stream()
                .anyMatch(r -> r.status() == ApprovalStatus.APPROVED
                        && r.subject() instanceof ApprovalSubject.FileVersionSubject s
                        && s.versionNumber() == versionNumber && s.sha256().equals(version.get().sha256()));
    }

    // ------------------------------------------------------------------------------------------ internals

    private ApprovalRequest create(Actor actor, WorkspaceId workspaceId, NewApproval request, ApprovalSubject subject,
                                   Visibility visibility) {
        String title = InputValidator.requireText("title", request.title(), 200);
        Optional<String> message = request.message().map(m -> InputValidator.requireText("message", m, 4000));
        if (request.approvers().isEmpty() || request.approvers().size() > MAX_APPROVERS) {
            throw new ValidationException(FieldError.of("approvers", "must name 1 to " + MAX_APPROVERS + " approvers"));
        }
        if (request.policy().kind() == ApprovalPolicy.Kind.QUORUM && request.policy().quorum() > request.approvers().size()) {
            throw new ValidationException(FieldError.of("policy.quorum", "must not exceed the number of approvers ("
                    + request.approvers().size() + ")"));
        }
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.REQUEST_APPROVALS, "request approvals");
            request.dueAt().ifPresent(due -> {
                if (!due.isAfter(changes.now())) {
                    throw new ValidationException(FieldError.of("dueAt", "must be in the future"));
                }
            });
            for (UserId approver : request.approvers()) {
                requireCanDecide(actor, workspaceId, approver, visibility);
            }
            ApprovalRequest stored = approvalStore.insert(new ApprovalRequest(ApprovalId.of(kernel.newId()),
                    actor.tenantId(), workspaceId, title, message, subject, request.approvers(), request.policy(),
                    request.dueAt(), ApprovalStatus.OPEN, actor.userId(), changes.now(), Optional.empty(), 0));
            Optional<ApprovalSubject.FileVersionSubject> fileVersion = subject instanceof ApprovalSubject.FileVersionSubject s
                    ? Optional.of(s) : Optional.empty();
            changes.publish(new ApprovalEvent.ApprovalRequested(actor.tenantId(), workspaceId, stored.id(), title,
                    stored.approvers(), request.policy(), fileVersion, visibility, actor, changes.now()));
            return stored;
        });
    }

    private void requireCanDecide(Actor actor, WorkspaceId workspaceId, UserId approver, Visibility visibility) {
        Optional<Membership> membership = kernel.stores().memberships().find(actor.tenantId(), workspaceId, approver);
        if (membership.isEmpty()) {
            throw new ValidationException(FieldError.of("approvers", "'" + approver + "' is not a member of the workspace"));
        }
        refusal(membership.get(), visibility).ifPresent(reason -> {
            throw new ValidationException(FieldError.of("approvers", "'" + approver + "' " + reason));
        });
    }

    /** Why the member cannot decide on something of this visibility, or empty if it can. */
    private Optional<String> refusal(Membership member, Visibility visibility) {
        Actor as = new Actor(member.tenantId(), member.userId(), member.role().kind());
        AccessGrant grant = authorizer.grant(as, member.workspaceId());
        if (!grant.allows(Permission.DECIDE_APPROVALS)) {
            return Optional.of("may not decide approvals");
        }
        if (visibility == Visibility.TEAM && !grant.allows(Permission.VIEW_INTERNAL)) {
            return Optional.of("cannot see the internal file and so cannot approve it");
        }
        return Optional.empty();
    }

    /** The members who could decide on something of this visibility, by user id, at most PageRequest.MAX_LIMIT. */
    private List<Membership> eligible(Actor actor, WorkspaceId workspaceId, Visibility visibility) {
        List<Membership> eligible = new ArrayList<>();
        Optional<UserId> after = Optional.empty();
        while (eligible.size() < PageRequest.MAX_LIMIT) {
            List<Membership> rows = kernel.stores().memberships().list(actor.tenantId(), workspaceId, after,
                    PageRequest.MAX_LIMIT);
            rows.stream().filter(m -> refusal(m, visibility).isEmpty()).limit(PageRequest.MAX_LIMIT - eligible.size())
                    .forEach(eligible::add);
            if (rows.size() < PageRequest.MAX_LIMIT) {
                break;
            }
            after = Optional.of(rows.get(rows.size() - 1).userId());
        }
        return List.copyOf(eligible);
    }

    void supersedeOlder(Actor actor, FileAsset file, FileVersion added, Changes changes) {
        for (ApprovalRequest r : approvalStore.listForFile(file.tenantId(), file.workspaceId(), file.id(), 1000)) {
            if (r.status() == ApprovalStatus.OPEN && r.subject() instanceof ApprovalSubject.FileVersionSubject s
                    && s.versionNumber() < added.number()) {
                ApprovalRequest locked = approvalStore.findForUpdate(r.tenantId(), r.workspaceId(), r.id())
                        .orElseThrow();
                if (locked.status() == ApprovalStatus.OPEN) {
                    resolve(actor, changes, locked, expiresNow(locked, changes.now())
                            ? ApprovalStatus.EXPIRED : ApprovalStatus.SUPERSEDED);
                }
            }
        }
    }

    /**
     * Cancels the open requests about {@code file} that {@code which} selects, recording {@code reason} in
     * each cancellation's activity entry (whose visibility follows the file's, so team-only once withdrawn).
     */
    private void cancelOpenOf(Actor actor, FileAsset file, Changes changes,
                              java.util.function.Predicate<ApprovalRequest> which, String reason) {
        for (ApprovalRequest r : approvalStore.listForFile(file.tenantId(), file.workspaceId(), file.id(),
                Integer.MAX_VALUE)) {
            if (r.status() != ApprovalStatus.OPEN || !which.test(r)) {
                continue;
            }
            ApprovalRequest locked = approvalStore.findForUpdate(r.tenantId(), r.workspaceId(), r.id())
                    .orElseThrow();
            if (!locked.status().isOpen()) {
                continue;
            }
            if (expiresNow(locked, changes.now())) {
                resolve(actor, changes, locked, ApprovalStatus.EXPIRED);
                continue;
            }
            java.time.Instant at = changes.now();
            ApprovalRequest cancelled = approvalStore.update(locked.resolved(ApprovalStatus.CANCELLED, at));
            Visibility visibility = visibility(locked);
            changes.publish(new ApprovalEvent.ApprovalResolved(actor.tenantId(), locked.workspaceId(), locked.id(),
                    ApprovalStatus.CANCELLED, locked.title(), cancelled.turnaround().orElseThrow(), Optional.of(reason),
                    visibility, actor, changes.now()));
        }
    }

    /** Whether any approver of the request is not a team member who sees internal items (a client, say). */
    private boolean asksAClient(ApprovalRequest r) {
        for (UserId approver : r.approvers()) {
            // Without a membership only a tenant admin still sees internal items; anyone else counts as a client.
            io.clientworkspace.ActorKind kind = kernel.stores().memberships().find(r.tenantId(), r.workspaceId(), approver)
                    .map(m -> m.role().kind()).orElse(io.clientworkspace.ActorKind.TEAM);
            if (!authorizer.grant(new Actor(r.tenantId(), approver, kind), r.workspaceId()).allows(Permission.VIEW_INTERNAL)) {
                return true;
            }
        }
        return false;
    }

    private ApprovalRequest resolve(Actor actor, Changes changes, ApprovalRequest current, ApprovalStatus outcome) {
        // An expiry happened at the due date, whenever it is stored; asOfNow reads it the same way before.
        java.time.Instant at = outcome == ApprovalStatus.EXPIRED ? current.dueAt().orElse(changes.now()) : changes.now();
        ApprovalRequest resolved = approvalStore.update(current.resolved(outcome, at));
        Visibility visibility = visibility(current);
        changes.publish(new ApprovalEvent.ApprovalResolved(actor.tenantId(), current.workspaceId(), current.id(), outcome,
                current.title(), resolved.turnaround().orElseThrow(), Optional.empty(), visibility, actor, changes.now()));
        return resolved;
    }

    private ApprovalRequest visibleForUpdate(Actor actor, WorkspaceId workspaceId, ApprovalId requestId) {
        requireNonNull(requestId, "requestId must not be null");
        AccessGrant grant = access.grant(actor, workspaceId);
        return approvalStore.findForUpdate(actor.tenantId(), workspaceId, requestId)
                .filter(r -> visibleTo(grant, r))
                .orElseThrow(() -> new NotFoundException("approval", requestId.value()));
    }

    private boolean visibleTo(AccessGrant grant, ApprovalRequest r) {
        return grant.allows(Permission.VIEW_INTERNAL) || visibility(r) == Visibility.CLIENT;
    }

    private Visibility visibility(ApprovalRequest r) {
        if (r.subject() instanceof ApprovalSubject.FileVersionSubject s) {
            // A request about a trashed, withdrawn or purged file is the team's only, like the file.
            return fileStore.find(r.tenantId(), r.workspaceId(), s.fileId())
                    .filter(f -> f.status() == io.clientworkspace.file.FileStatus.ACTIVE)
                    .map(FileAsset::visibility).orElse(Visibility.TEAM);
        }
        return Visibility.CLIENT;
    }

    private ApprovalRequest asOfNow(ApprovalRequest r) {
        ApprovalStatus now = r.statusAt(kernel.now());
        return now == r.status() ? r : new ApprovalRequest(r.id(), r.tenantId(), r.workspaceId(), r.title(), r.message(),
                r.subject(), r.approvers(), r.policy(), r.dueAt(), now, r.requestedBy(), r.requestedAt(),
                r.dueAt(), r.version());
    }

    private AccessGrant readable(Actor actor, WorkspaceId workspaceId) {
        access.visible(actor, workspaceId);
        return access.grant(actor, workspaceId);
    }

    /** Whether an OPEN request is past its due date at {@code now} (a stored final status never expires again). */
    private static boolean expiresNow(ApprovalRequest r, java.time.Instant now) {
        return r.status().isOpen() && r.statusAt(now) == ApprovalStatus.EXPIRED;
    }

    private static void requireOpen(ApprovalRequest r) {
        if (!r.status().isOpen()) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Approval '" + r.title() + "' is already "
                    + r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " and takes no more decisions");
        }
    }

    /** A link approvers will click: an absolute http(s) URL, never {@code javascript:} or {@code data:}. */
    private static String requireWebLink(String link) {
        String text = InputValidator.requireText("link", link, 2000);
        java.net.URI uri;
        try {
            uri = new java.net.URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new ValidationException(FieldError.of("link", "must be an http or https URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ValidationException(FieldError.of("link", "must be an http or https URL"));
        }
        return text;
    }
}
