package io.clientworkspace.request;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.AssignmentId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.InputValidator;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.FormAssignmentStore;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Form definitions: the tenant's library of templates and each workspace's own forms, versioned.
 *
 * <p>Who may do what: a tenant admin defines, revises and retires library forms; a workspace's lead (or a tenant
 * admin) its own forms. Team members on the tenant's roster read the library; anyone who sees a workspace reads its
 * own forms and the library's through {@link #get(Actor, WorkspaceId, FormId, int)} (clients need them to fill
 * them in). A form the actor may not read is "not found", like a missing id.
 *
 * <p>Guarantees: a definition is checked by {@link FormSchema#check} (every problem at once) before anything is
 * stored; revising stores a new version and never changes an old one, and two revisions from the same version
 * cannot both succeed (the second is a {@code STALE_VERSION} conflict); every failed call changes nothing.
 *
 * <p>Form assignments: the team ({@link Permission#MANAGE_REQUESTS}) asks a workspace's clients to fill the latest
 * version of a form; members with {@link Permission#SUBMIT_REQUESTS} save drafts and submit it once, which creates
 * a {@link ClientRequest} in the same unit of work.
 */
public final class FormService {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final String CURSOR = "frm";
    private static final String ASSIGNMENT_CURSOR = "fas";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Authorizer authorizer;
    private final FormStore forms;
    private final FormAssignmentStore assignments;
    private final RequestService requests;

    FormService(Kernel kernel, WorkspaceAccess access, Authorizer authorizer, RequestService requests) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.forms = kernel.stores().require(FormStore.class);
        this.assignments = kernel.stores().require(FormAssignmentStore.class);
        this.requests = requireNonNull(requests, "requests must not be null");
    }

    /**
     * Defines version 1 of a form in the tenant's library ({@code owner} empty; tenant admins) or in a workspace
     * (its lead or a tenant admin).
     *
     * @throws ValidationException naming every problem of key, name and fields
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the key is taken in that owner
     */
    public FormDefinition define(Actor actor, Optional<WorkspaceId> owner, NewForm form) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(owner, "owner must not be null");
        requireNonNull(form, "form must not be null");
        List<FieldError> errors = new ArrayList<>();
        if (!KEY.matcher(form.key()).matches()) {
            errors.add(FieldError.of("key", "must match " + KEY.pattern()));
        }
        String name = checkedName(form.name(), errors);
        errors.addAll(FormSchema.check(form.fields()));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return kernel.write(changes -> {
            requireManage(actor, owner, "define forms");
            FormDefinition stored = forms.insert(new FormDefinition(FormId.of(kernel.newId()), actor.tenantId(), owner,
                    form.key(), name, 1, form.fields(), FormStatus.ACTIVE, actor.userId(), changes.now()));
            changes.publish(new FormEvent.FormChanged(actor.tenantId(), owner, stored.id(), FormEvent.Change.DEFINED,
                    stored.key(), stored.name(), 1, actor, changes.now()));
            return stored;
        });
    }

    /**
     * Stores a new version of the form with this name and these fields. Earlier versions, and the answers given
     * to them, stay as they are.
     *
     * @param expectedVersion the latest version the caller saw
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the form has a newer version;
     *                                              {@code INVALID_STATE} if it is retired
     */
    public FormDefinition revise(Actor actor, FormId formId, int expectedVersion, String name, List<FormField> fields) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(formId, "formId must not be null");
        List<FieldError> errors = new ArrayList<>();
        String checkedName = checkedName(requireNonNull(name, "name must not be null"), errors);
        errors.addAll(FormSchema.check(requireNonNull(fields, "fields must not be null")));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return kernel.write(changes -> {
            FormDefinition latest = manageable(actor, formId, "revise forms");
            if (latest.version() != expectedVersion) {
                throw io.clientworkspace.ConflictException.staleVersion("form", formId.value(), expectedVersion);
            }
            if (latest.status() == FormStatus.RETIRED) {
                throw new io.clientworkspace.ConflictException(io.clientworkspace.ConflictException.Reason.INVALID_STATE,
                        "Form '" + latest.name() + "' is retired; define a new form instead");
            }
            FormDefinition stored = forms.insertVersion(new FormDefinition(formId, actor.tenantId(), latest.workspaceId(),
                    latest.key(), checkedName, latest.version() + 1, fields, latest.status(), actor.userId(),
                    changes.now()));
            changes.publish(new FormEvent.FormChanged(actor.tenantId(), stored.workspaceId(), formId,
                    FormEvent.Change.REVISED, stored.key(), stored.name(), stored.version(), actor, changes.now()));
            return stored;
        });
    }

    /**
     * Retires the form (every version): it can no longer be assigned or used for new requests; what was given
     * for it stays.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the form has a newer version than
     *                                              {@code expectedVersion}; {@code INVALID_STATE} if already retired
     */
    public FormDefinition retire(Actor actor, FormId formId, int expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(formId, "formId must not be null");
        return kernel.write(changes -> {
            FormDefinition latest = manageable(actor, formId, "retire forms");
            if (latest.status() == FormStatus.RETIRED) {
                throw new io.clientworkspace.ConflictException(io.clientworkspace.ConflictException.Reason.INVALID_STATE,
                        "Form '" + latest.name() + "' is already retired");
            }
            FormDefinition stored = forms.setStatus(actor.tenantId(), formId, FormStatus.RETIRED, expectedVersion);
            changes.publish(new FormEvent.FormChanged(actor.tenantId(), stored.workspaceId(), formId,
                    FormEvent.Change.RETIRED, stored.key(), stored.name(), stored.version(), actor, changes.now()));
            return stored;
        });
    }

    /** One version of a form, for a team actor who may read it (library: the tenant's roster; own: the workspace's team). */
    public FormDefinition get(Actor actor, FormId formId, int version) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(formId, "formId must not be null");
        return forms.find(actor.tenantId(), formId, version).filter(f -> readableByTeam(actor, f))
                .orElseThrow(() -> new NotFoundException("form", formId + "@" + version));
    }

    /** The latest version of a form, as {@link #get(Actor, FormId, int)}. */
    public FormDefinition latest(Actor actor, FormId formId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(formId, "formId must not be null");
        return forms.findLatest(actor.tenantId(), formId).filter(f -> readableByTeam(actor, f))
                .orElseThrow(() -> new NotFoundException("form", formId.value()));
    }

    /**
     * One version of a form as used in a workspace (a library form or the workspace's own), for anyone who sees
     * the workspace; else {@link NotFoundException}.
     */
    public FormDefinition get(Actor actor, WorkspaceId workspaceId, FormId formId, int version) {
        return findInWorkspace(actor, workspaceId, formId, version)
                .orElseThrow(() -> new NotFoundException("form", formId + "@" + version));
    }

    /**
     * The latest version of a form as used in a workspace (a library form or the workspace's own), for anyone who
     * sees the workspace; else {@link NotFoundException} (the REST API's {@code GET /workspaces/{ws}/forms/{id}}).
     */
    public FormDefinition latest(Actor actor, WorkspaceId workspaceId, FormId formId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(formId, "formId must not be null");
        access.visible(actor, workspaceId);
        return latestInWorkspace(actor, workspaceId, formId)
                .orElseThrow(() -> new NotFoundException("form", formId.value()));
    }

    /** Every version of a form, oldest first, for a team actor who may read it. */
    public List<FormDefinition> versions(Actor actor, FormId formId) {
        latest(actor, formId);
        return forms.versions(actor.tenantId(), formId);
    }

    /**
     * The forms of one owner (empty: the tenant's library, for its roster; else the workspace's own forms, for
     * anyone who sees it: clients only the ACTIVE ones), each as its latest version, by id.
     */
    public Page<FormDefinition> list(Actor actor, Optional<WorkspaceId> owner, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(owner, "owner must not be null");
        requireNonNull(page, "page must not be null");
        boolean activeOnly;
        if (owner.isEmpty()) {
            if (authorizer.tenantRole(actor).isEmpty()) {
                throw new AccessDeniedException(actor, "a place on the tenant's team", "read the form library");
            }
            activeOnly = false;
        } else {
            AccessGrant grant = access.grant(actor, owner.get());
            access.visible(actor, owner.get());
            activeOnly = !grant.allows(Permission.MANAGE_REQUESTS);
        }
        Optional<FormId> after = Cursors.decode(CURSOR, page.cursor()).map(FormId::of);
        List<FormDefinition> visible = new ArrayList<>();
        int batch = page.limit() + 1;
        while (visible.size() < batch) {
            List<FormDefinition> rows = forms.listLatest(actor.tenantId(), owner, after, batch);
            rows.stream().filter(f -> !activeOnly || f.status() == FormStatus.ACTIVE).limit(batch - visible.size())
                    .forEach(visible::add);
            if (rows.size() < batch) {
                break;
            }
            after = Optional.of(rows.get(rows.size() - 1).id());
        }
        return Cursors.page(visible, page.limit(), f -> Cursors.encode(CURSOR, f.id().value()));
    }

    /** A version of a form usable in the workspace, if the actor sees the workspace. */
    Optional<FormDefinition> findInWorkspace(Actor actor, WorkspaceId workspaceId, FormId formId, int version) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(formId, "formId must not be null");
        access.visible(actor, workspaceId);
        return forms.find(actor.tenantId(), formId, version)
                .filter(f -> f.workspaceId().isEmpty() || f.workspaceId().get().equals(workspaceId));
    }

    /** The latest version of a form usable in the workspace (no access check: the caller made it). */
    Optional<FormDefinition> latestInWorkspace(Actor actor, WorkspaceId workspaceId, FormId formId) {
        return forms.findLatest(actor.tenantId(), formId)
                .filter(f -> f.workspaceId().isEmpty() || f.workspaceId().get().equals(workspaceId));
    }

    // ------------------------------------------------------------------------------------------ assignments

    /**
     * Asks the workspace's clients to fill the latest version of a form (a library form or the workspace's own),
     * pinned now; needs {@link Permission#MANAGE_REQUESTS}. Title 1 to 200 characters.
     *
     * @throws ConflictException {@code INVALID_STATE} if the form is retired
     * @throws ValidationException on {@code formId} if no such form is usable in the workspace
     */
    public FormAssignment assign(Actor actor, WorkspaceId workspaceId, FormId formId, String title,
                                 Optional<LocalDate> due) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(formId, "formId must not be null");
        requireNonNull(due, "due must not be null");
        String checkedTitle = InputValidator.requireText("title", requireNonNull(title, "title must not be null"), 200);
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_REQUESTS, "assign forms");
            FormDefinition form = latestInWorkspace(actor, workspaceId, formId).orElseThrow(() ->
                    new ValidationException(FieldError.of("formId", "no such form in this workspace")));
            if (form.status() == FormStatus.RETIRED) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Form '" + form.name() + "' is retired and cannot be assigned");
            }
            FormAssignment stored = assignments.insert(new FormAssignment(AssignmentId.of(kernel.newId()),
                    actor.tenantId(), workspaceId, form.ref(), checkedTitle, due, AssignmentStatus.OPEN,
                    FormAnswers.empty(), actor.userId(), changes.now(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0));
            publish(changes, actor, stored);
            return stored;
        });
    }

    /**
     * Asks the workspace's clients to fill in one exact version of a form (a library form or the workspace's own),
     * as {@link #assign(Actor, WorkspaceId, FormId, String, Optional)} does for the latest version; used by workspace
     * templates, which pin the version they were defined with.
     *
     * @throws ConflictException {@code INVALID_STATE} if the form is retired
     * @throws ValidationException on {@code formId} if no such form version is usable in the workspace
     */
    public FormAssignment assign(Actor actor, WorkspaceId workspaceId, FormRef formRef, String title,
                                 Optional<LocalDate> due) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(formRef, "formRef must not be null");
        requireNonNull(due, "due must not be null");
        String checkedTitle = InputValidator.requireText("title", requireNonNull(title, "title must not be null"), 200);
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_REQUESTS, "assign forms");
            FormDefinition form = forms.find(actor.tenantId(), formRef.formId(), formRef.version())
                    .filter(f -> f.workspaceId().isEmpty() || f.workspaceId().get().equals(workspaceId))
                    .orElseThrow(() -> new ValidationException(FieldError.of("formId",
                            "no such form version in this workspace")));
            if (form.status() == FormStatus.RETIRED) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Form '" + form.name() + "' is retired and cannot be assigned");
            }
            FormAssignment stored = assignments.insert(new FormAssignment(AssignmentId.of(kernel.newId()),
                    actor.tenantId(), workspaceId, form.ref(), checkedTitle, due, AssignmentStatus.OPEN,
                    FormAnswers.empty(), actor.userId(), changes.now(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 0));
            publish(changes, actor, stored);
            return stored;
        });
    }

    /**
     * Saves the answers typed so far; members with {@link Permission#SUBMIT_REQUESTS}. Checked as a draft
     * ({@link FormValidator}: no required answers or formats yet, but no forged fields, foreign options or
     * oversized values); file answers must be client-visible files of the workspace. No activity entry.
     *
     * @throws ConflictException {@code STALE_VERSION} if the assignment is not at {@code expectedVersion};
     *                           {@code INVALID_STATE} if it is no longer open
     */
    public FormAssignment saveDraft(Actor actor, WorkspaceId workspaceId, AssignmentId assignmentId, FormAnswers draft,
                                    long expectedVersion) {
        requireNonNull(draft, "draft must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.SUBMIT_REQUESTS, "fill forms");
            FormAssignment current = openAssignment(actor, workspaceId, assignmentId, expectedVersion);
            FormDefinition form = pinned(current);
            List<FieldError> errors = new ArrayList<>(FormValidator.errors(form, draft, true));
            requests.checkFileAnswers(actor, workspaceId, form, draft, errors);
            if (!errors.isEmpty()) {
                errors.sort((a, b) -> a.field().compareTo(b.field()));
                throw new ValidationException(errors);
            }
            return assignments.update(current.withDraft(draft));
        });
    }

    /**
     * Submits the assignment with these answers, checked in full against the pinned version, and creates its
     * request (titled like the assignment) in the same unit of work; members with
     * {@link Permission#SUBMIT_REQUESTS}. Of two submissions from the same version exactly one succeeds; the other
     * is a {@code STALE_VERSION} conflict and creates nothing.
     *
     * @throws ConflictException {@code STALE_VERSION} if the assignment is not at {@code expectedVersion};
     *                           {@code INVALID_STATE} if it was already submitted or cancelled
     */
    public FormAssignment submitAssignment(Actor actor, WorkspaceId workspaceId, AssignmentId assignmentId,
                                           FormAnswers answers, long expectedVersion) {
        requireNonNull(answers, "answers must not be null");
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.SUBMIT_REQUESTS, "submit forms");
            FormAssignment current = openAssignment(actor, workspaceId, assignmentId, expectedVersion);
            ClientRequest created = requests.submitIn(actor, workspaceId,
                    NewRequest.through(current.title(), current.form(), answers), true, changes);
            FormAssignment stored = assignments.update(current.submitted(answers, actor.userId(), changes.now(),
                    created.id()));
            publish(changes, actor, stored);
            return stored;
        });
    }

    /**
     * Withdraws an open assignment; needs {@link Permission#MANAGE_REQUESTS}.
     *
     * @throws ConflictException {@code STALE_VERSION} or {@code INVALID_STATE} as {@link #saveDraft}
     */
    public FormAssignment cancelAssignment(Actor actor, WorkspaceId workspaceId, AssignmentId assignmentId,
                                           long expectedVersion) {
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.MANAGE_REQUESTS, "cancel form assignments");
            FormAssignment current = openAssignment(actor, workspaceId, assignmentId, expectedVersion);
            FormAssignment stored = assignments.update(current.cancelled());
            publish(changes, actor, stored);
            return stored;
        });
    }

    /** The assignment, if the actor sees its workspace. */
    public Optional<FormAssignment> findAssignment(Actor actor, WorkspaceId workspaceId, AssignmentId assignmentId) {
        requireNonNull(assignmentId, "assignmentId must not be null");
        if (access.findVisible(actor, workspaceId).isEmpty()) {
            return Optional.empty();
        }
        return assignments.find(actor.tenantId(), workspaceId, assignmentId);
    }

    /** The assignment, or {@link NotFoundException}. */
    public FormAssignment getAssignment(Actor actor, WorkspaceId workspaceId, AssignmentId assignmentId) {
        return findAssignment(actor, workspaceId, assignmentId)
                .orElseThrow(() -> new NotFoundException("form assignment", assignmentId.value()));
    }

    /** The workspace's assignments, newest first; only those with {@code status} when present. */
    public Page<FormAssignment> assignments(Actor actor, WorkspaceId workspaceId, Optional<AssignmentStatus> status,
                                            PageRequest page) {
        requireNonNull(status, "status must not be null");
        requireNonNull(page, "page must not be null");
        access.visible(actor, workspaceId);
        Optional<AssignmentId> before = Cursors.decode(ASSIGNMENT_CURSOR, page.cursor()).map(AssignmentId::of);
        List<FormAssignment> rows = assignments.list(actor.tenantId(), workspaceId, status, before, page.limit() + 1);
        return Cursors.page(rows, page.limit(), a -> Cursors.encode(ASSIGNMENT_CURSOR, a.id().value()));
    }

    private FormAssignment openAssignment(Actor actor, WorkspaceId workspaceId, AssignmentId assignmentId,
                                          long expectedVersion) {
        requireNonNull(assignmentId, "assignmentId must not be null");
        FormAssignment current = assignments.find(actor.tenantId(), workspaceId, assignmentId)
                .orElseThrow(() -> new NotFoundException("form assignment", assignmentId.value()));
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion("form assignment", assignmentId.value(), expectedVersion);
        }
        if (current.status() != AssignmentStatus.OPEN) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                    "Form assignment '" + current.title() + "' is " + current.status());
        }
        return current;
    }

    private FormDefinition pinned(FormAssignment a) {
        return forms.find(a.tenantId(), a.form().formId(), a.form().version()).orElseThrow(() ->
                new IllegalStateException("form version " + a.form() + " of assignment " + a.id() + " is missing"));
    }

    private static void publish(io.clientworkspace.internal.Changes changes, Actor actor, FormAssignment a) {
        changes.publish(new FormEvent.AssignmentChanged(a.tenantId(), a.workspaceId(), a.id(), a.form().formId(),
                a.form().version(), a.status(), a.title(), a.due(), a.request(), actor, changes.now()));
    }

    private static String checkedName(String name, List<FieldError> errors) {
        try {
            return InputValidator.requireText("name", name, 200);
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return name;
        }
    }

    private boolean readableByTeam(Actor actor, FormDefinition form) {
        if (form.workspaceId().isEmpty()) {
            return authorizer.tenantRole(actor).isPresent();
        }
        return access.findVisible(actor, form.workspaceId().get()).isPresent()
                && access.grant(actor, form.workspaceId().get()).allows(Permission.MANAGE_REQUESTS);
    }

    /** The latest version of a form the actor may change; not-found when it may not even read it. */
    private FormDefinition manageable(Actor actor, FormId formId, String action) {
        FormDefinition latest = forms.findLatest(actor.tenantId(), formId)
                .filter(f -> f.workspaceId().isEmpty() ? authorizer.tenantRole(actor).isPresent()
                        : access.findVisible(actor, f.workspaceId().get()).isPresent())
                .orElseThrow(() -> new NotFoundException("form", formId.value()));
        requireManage(actor, latest.workspaceId(), action);
        return latest;
    }

    private void requireManage(Actor actor, Optional<WorkspaceId> owner, String action) {
        boolean tenantAdmin = authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
        if (owner.isEmpty()) {
            if (!tenantAdmin) {
                throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), action + " in the tenant's library");
            }
            return;
        }
        access.requireWritable(actor, owner.get(), Permission.MANAGE_REQUESTS, action);
        boolean lead = access.grant(actor, owner.get()).workspaceRole().filter(r -> r == WorkspaceRole.LEAD).isPresent();
        if (!lead && !tenantAdmin) {
            throw new AccessDeniedException(actor, WorkspaceRole.LEAD.name(), action + " of the workspace");
        }
    }
}
