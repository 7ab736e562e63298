package io.clientworkspace.template;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TemplateId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.DateBounds;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormService;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.spi.TemplateStore;
import io.clientworkspace.spi.WorkspaceOriginStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Workspace templates: the tenant's versioned library of ready-made workspaces, and making a workspace from one.
 *
 * <p>Who may do what: tenant admins ({@link TenantRole#TENANT_ADMIN}) define, revise and retire templates and make
 * workspaces from them; everyone on the tenant's team roster reads them. A template an actor may not read is "not
 * found", like a missing id. Clients never see templates or {@link WorkspaceOrigin}s.
 *
 * <p>Versioning works like form definitions: {@link #define} stores version 1; {@link #revise} stores a new version
 * and never changes an old one (two revisions from one version cannot both succeed); {@link #retire} retires every
 * version. Every call checks all of its input first (every problem at once, nothing stored) and every failed call
 * changes nothing.
 *
 * <p>{@link #createWorkspace} makes a whole workspace in ONE unit of work through the other features' services
 * (workspace, members, folders, projects, tasks, onboarding checklist, form assignments, welcome message, contract
 * date) and records its {@link WorkspaceOrigin}; a failure at any step leaves nothing behind. It is idempotent by the
 * host's external reference, also across nodes; see the method.
 */
public final class TemplateService {

    private static final String CURSOR = "tpl";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Authorizer authorizer;
    private final TemplateStore templates;
    private final WorkspaceOriginStore origins;
    private final Steps steps;

    TemplateService(Kernel kernel, WorkspaceAccess access, Authorizer authorizer, Steps steps) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.templates = kernel.stores().require(TemplateStore.class);
        this.origins = kernel.stores().require(WorkspaceOriginStore.class);
        this.steps = requireNonNull(steps, "steps must not be null");
    }

    /**
     * Defines version 1 of a template; tenant admins.
     *
     * @throws ValidationException   naming every problem of key, name and content (also library forms that do not
     *                               exist, team members not on the roster, parts whose feature is unavailable)
     * @throws AccessDeniedException if the actor is not a tenant admin
     * @throws ConflictException     {@code ALREADY_EXISTS} if the key is taken in the tenant; {@code INVALID_STATE}
     *                               naming {@code forms[i]} if a form it assigns is retired
     */
    public WorkspaceTemplate define(Actor actor, NewTemplate template) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(template, "template must not be null");
        requireAdmin(actor, "define workspace templates");
        List<FieldError> errors = new ArrayList<>();
        TemplateChecks.key(template.key(), errors);
        TemplateChecks.name(template.name(), errors);
        errors.addAll(TemplateChecks.content(template.content()));
        throwIfAny(errors);
        return kernel.write(changes -> {
            checkAgainstStores(actor, template.content());
            WorkspaceTemplate stored = templates.insert(new WorkspaceTemplate(TemplateId.of(kernel.newId()),
                    actor.tenantId(), template.key(), template.name(), 1, TemplateStatus.ACTIVE, template.content(),
                    actor.userId(), changes.now()));
            changes.publish(new TemplateEvent.TemplateDefined(actor.tenantId(), stored.id(), stored.key(),
                    stored.name(), actor, changes.now()));
            return stored;
        });
    }

    /**
     * Stores a new version of the template with this name and content; tenant admins. Earlier versions, and the
     * workspaces they made, stay as they are.
     *
     * @param expectedVersion the latest version the caller saw
     * @throws ConflictException {@code STALE_VERSION} if the template has another latest version;
     *                           {@code INVALID_STATE} if it is retired (or a form it assigns is, naming
     *                           {@code forms[i]})
     * @throws ValidationException as {@link #define}
     */
    public WorkspaceTemplate revise(Actor actor, TemplateId templateId, int expectedVersion, String name,
                                    TemplateContent content) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(templateId, "templateId must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(content, "content must not be null");
        List<FieldError> errors = new ArrayList<>();
        TemplateChecks.name(name, errors);
        errors.addAll(TemplateChecks.content(content));
        return kernel.write(changes -> {
            WorkspaceTemplate latest = readable(actor, templateId);
            requireAdmin(actor, "revise workspace templates");
            throwIfAny(errors);
            if (latest.version() != expectedVersion) {
                throw ConflictException.staleVersion("template", templateId.value(), expectedVersion);
            }
            if (latest.status() == TemplateStatus.RETIRED) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Template '" + latest.name() + "' is retired; define a new template instead");
            }
            checkAgainstStores(actor, content);
            WorkspaceTemplate stored = templates.insertVersion(new WorkspaceTemplate(templateId, actor.tenantId(),
                    latest.key(), name, latest.version() + 1, latest.status(), content, actor.userId(),
                    changes.now()));
            changes.publish(new TemplateEvent.TemplateRevised(actor.tenantId(), templateId, stored.key(),
                    stored.name(), stored.version(), actor, changes.now()));
            return stored;
        });
    }

    /**
     * Retires the template (every version); tenant admins. No workspace can be made from it any more; the
     * workspaces it made keep their origin.
     *
     * @throws ConflictException {@code STALE_VERSION} if the template has another latest version;
     *                           {@code INVALID_STATE} if it is already retired
     */
    public WorkspaceTemplate retire(Actor actor, TemplateId templateId, int expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(templateId, "templateId must not be null");
        return kernel.write(changes -> {
            WorkspaceTemplate latest = readable(actor, templateId);
            requireAdmin(actor, "retire workspace templates");
            if (latest.status() == TemplateStatus.RETIRED) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Template '" + latest.name() + "' is already retired");
            }
            WorkspaceTemplate stored = templates.setStatus(actor.tenantId(), templateId, TemplateStatus.RETIRED,
                    expectedVersion);
            changes.publish(new TemplateEvent.TemplateRetired(actor.tenantId(), templateId, stored.key(),
                    stored.version(), actor, changes.now()));
            return stored;
        });
    }

    /** One version of a template, for the tenant's team roster; else {@link NotFoundException}. */
    public WorkspaceTemplate get(Actor actor, TemplateId templateId, int version) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(templateId, "templateId must not be null");
        return templates.find(actor.tenantId(), templateId, version).filter(t -> onRoster(actor))
                .orElseThrow(() -> new NotFoundException("template", templateId + "@" + version));
    }

    /** The latest version of a template, for the tenant's team roster; else {@link NotFoundException}. */
    public WorkspaceTemplate latest(Actor actor, TemplateId templateId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(templateId, "templateId must not be null");
        return readable(actor, templateId);
    }

    /** The latest version of the template with this key, for the tenant's team roster. */
    public Optional<WorkspaceTemplate> findByKey(Actor actor, String key) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(key, "key must not be null");
        return onRoster(actor) ? templates.findByKey(actor.tenantId(), key) : Optional.empty();
    }

    /** Every version of a template, oldest first, for the tenant's team roster. */
    public List<WorkspaceTemplate> versions(Actor actor, TemplateId templateId) {
        readable(actor, templateId);
        return templates.versions(actor.tenantId(), templateId);
    }

    /**
     * The tenant's templates, each as its latest version (retired ones included), by id, one page at a time; the
     * tenant's team roster.
     *
     * @throws AccessDeniedException for an actor not on the roster
     */
    public Page<WorkspaceTemplate> list(Actor actor, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(page, "page must not be null");
        if (!onRoster(actor)) {
            throw new AccessDeniedException(actor, "a place on the tenant's team", "read workspace templates");
        }
        Optional<TemplateId> after = Cursors.decode(CURSOR, page.cursor()).map(TemplateId::of);
        List<WorkspaceTemplate> rows = templates.listLatest(actor.tenantId(), after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), t -> Cursors.encode(CURSOR, t.id().value()));
    }

    /**
     * Which template version made the workspace, for team actors who see the workspace; empty for a workspace made
     * otherwise and always for clients (as for an external reference, the origin is the team's).
     *
     * @throws NotFoundException if the actor does not see the workspace
     */
    public Optional<WorkspaceOrigin> origin(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        access.visible(actor, workspaceId);
        if (actor.kind() != ActorKind.TEAM) {
            return Optional.empty();
        }
        return origins.find(actor.tenantId(), workspaceId);
    }

    /**
     * Makes a workspace from a template version, in one unit of work; tenant admins. The workspace gets, in this
     * order: its lead (the template's, else the actor), its team members, its folders (parents first), its projects
     * with their milestones, task lists and tasks, its onboarding checklist (client-side tasks of the ONBOARDING
     * list), its form assignments (the exact library form versions), the welcome message (client-visible, in the
     * General conversation), the contract date, and its {@link WorkspaceOrigin}. Every date is
     * {@code startDate} plus the template's offset. Each part is made through its feature's service, as the actor,
     * so it is checked, recorded in the activity log and published exactly as if made by hand; a failure at any
     * step undoes every step (nothing is left: no workspace, folder, task, activity entry or event).
     *
     * <p>Idempotent by {@link NewWorkspaceFromTemplate#externalRef()}: if a workspace was already made for that
     * reference from this template (any version), it is returned with {@code created = false} and nothing changes;
     * if the reference belongs to a workspace made otherwise (another template, or by hand), the call fails with a
     * {@code DUPLICATE_EXTERNAL_REF} conflict on {@code externalRef}. Of two concurrent calls with one reference,
     * exactly one makes the workspace: the other's unit of work fails on the reference's (or slug's) uniqueness, and
     * this method then reads the winner's workspace in a new unit of work and returns it with {@code created = false}. (Called
     * inside a transaction of the host that already failed, that re-read cannot happen: the conflict is thrown.)
     *
     * @param version the template version; the latest when empty
     * @throws NotFoundException     if the template (version) does not exist or the actor may not read it
     * @throws AccessDeniedException if the actor is not a tenant admin
     * @throws ConflictException     {@code INVALID_STATE} if the template is retired, or a form it assigns is (naming
     *                               {@code forms[i]}); {@code DUPLICATE_SLUG}; {@code DUPLICATE_EXTERNAL_REF} as said
     * @throws ValidationException   on a bad name, slug, external reference or branding, or a lead or team member no
     *                               longer on the roster ({@code lead}, {@code team[i].userId}), every problem at once
     */
    public CreatedWorkspace createWorkspace(Actor actor, TemplateId templateId, OptionalInt version,
                                            NewWorkspaceFromTemplate request) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(templateId, "templateId must not be null");
        requireNonNull(version, "version must not be null");
        requireNonNull(request, "request must not be null");
        List<FieldError> errors = new ArrayList<>();
        TemplateChecks.line("externalRef", request.externalRef(), 200, errors);
        steps.checkContractDate(request.contractSignedAt().isPresent(), errors);
        boolean startBounded = DateBounds.check(errors, "startDate", request.startDate());
        request.contractSignedAt().ifPresent(at -> DateBounds.check(errors, "contractSignedAt", at));
        try {
            // The reference is checked above (it is required here), so the workspace's own rules see none.
            kernel.validate(new NewWorkspace(request.name(), request.slug(), Optional.empty(), Optional.empty(),
                    request.branding()));
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        try {
            return kernel.write(changes -> {
                WorkspaceTemplate template = usable(actor, templateId, version);
                requireAdmin(actor, "create workspaces from templates");
                if (startBounded && !DateBounds.accepts(request.startDate().plusDays(maxOffset(template.content())))) {
                    errors.add(FieldError.of("startDate", DateBounds.MESSAGE + " with every offset of the template"));
                }
                throwIfAny(errors);
                Optional<CreatedWorkspace> existing = existing(actor, template.id(), request.externalRef());
                if (existing.isPresent()) {
                    return existing.get();
                }
                checkAgainstStores(actor, template.content());
                return create(actor, template, request, changes);
            });
        } catch (ConflictException e) {
            // Maybe a concurrent call (on another node) took the reference meanwhile and this unit of work failed on
            // its uniqueness (or on the slug's, whichever the database checked first): read the winner's outcome
            // in a new unit of work, outside the failed one. Without a winner the conflict was this call's own.
            return kernel.write(changes -> existing(actor, templateId, request.externalRef())).orElseThrow(() -> e);
        }
    }

    /** The largest day offset in the content (0 to 3,650 each, checked when the template was saved). */
    private static int maxOffset(TemplateContent content) {
        List<Integer> offsets = new ArrayList<>();
        for (ProjectSpec project : content.projects()) {
            offsets.add(project.startOffsetDays());
            project.targetOffsetDays().ifPresent(offsets::add);
            project.milestones().forEach(m -> offsets.add(m.dueOffsetDays()));
            project.taskLists().forEach(l -> l.tasks().forEach(t -> t.dueOffsetDays().ifPresent(offsets::add)));
        }
        content.forms().forEach(f -> f.dueOffsetDays().ifPresent(offsets::add));
        content.checklist().forEach(i -> i.dueOffsetDays().ifPresent(offsets::add));
        return offsets.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private CreatedWorkspace create(Actor actor, WorkspaceTemplate template, NewWorkspaceFromTemplate request,
                                    Changes changes) {
        TemplateContent content = template.content();
        Workspace workspace = steps.workspaces().create(actor, newWorkspace(request, content.lead()));
        origins.insert(new WorkspaceOrigin(actor.tenantId(), workspace.id(), template.id(), template.version(),
                request.externalRef(), changes.now()));
        steps.build(actor, workspace, content, request);
        changes.publish(new TemplateEvent.WorkspaceCreatedFromTemplate(actor.tenantId(), workspace.id(), template.id(),
                template.key(), template.version(), actor, changes.now()));
        return new CreatedWorkspace(workspace, true);
    }

    /**
     * The outcome of an earlier creation for this reference: its workspace (created = false) if this template made
     * it; a conflict if the reference is another workspace's; empty if the reference is free.
     */
    private Optional<CreatedWorkspace> existing(Actor actor, TemplateId templateId, String externalRef) {
        Optional<WorkspaceOrigin> origin = origins.findByExternalRef(actor.tenantId(), externalRef);
        if (origin.isPresent()) {
            if (!origin.get().templateId().equals(templateId)) {
                throw new ConflictException(ConflictException.Reason.DUPLICATE_EXTERNAL_REF, "externalRef: '"
                        + externalRef + "' belongs to a workspace made from another template");
            }
            Workspace workspace = kernel.stores().workspaces().find(actor.tenantId(), origin.get().workspaceId())
                    .orElseThrow(() -> new IllegalStateException("the origin of workspace "
                            + origin.get().workspaceId() + " names a workspace that does not exist"));
            return Optional.of(new CreatedWorkspace(workspace, false));
        }
        if (kernel.stores().workspaces().findByExternalRef(actor.tenantId(), externalRef).isPresent()) {
            throw new ConflictException(ConflictException.Reason.DUPLICATE_EXTERNAL_REF, "externalRef: '"
                    + externalRef + "' belongs to a workspace that was not made from this template");
        }
        return Optional.empty();
    }

    /** What needs the stores: library forms exist and are active, the lead and team are on the roster. */
    private void checkAgainstStores(Actor actor, TemplateContent content) {
        List<FieldError> errors = new ArrayList<>();
        steps.checkParts(content, errors);
        content.lead().ifPresent(lead -> {
            if (kernel.stores().team().find(actor.tenantId(), lead).isEmpty()) {
                errors.add(FieldError.of("lead", "'" + lead + "' is not on the tenant's team"));
            }
        });
        for (int i = 0; i < content.team().size(); i++) {
            if (kernel.stores().team().find(actor.tenantId(), content.team().get(i).userId()).isEmpty()) {
                errors.add(FieldError.of("team[" + i + "].userId", "'" + content.team().get(i).userId()
                        + "' is not on the tenant's team"));
            }
        }
        List<String> retired = new ArrayList<>();
        Optional<FormService> forms = steps.forms();
        for (int i = 0; i < content.forms().size() && forms.isPresent(); i++) {
            FormAssignmentSpec spec = content.forms().get(i);
            Optional<FormDefinition> form = findLibraryForm(actor, forms.get(), spec);
            if (form.isEmpty()) {
                errors.add(FieldError.of("forms[" + i + "].formId", "no version " + spec.version() + " of form '"
                        + spec.formId() + "' in the tenant's library"));
            } else if (form.get().status() == FormStatus.RETIRED) {
                retired.add("forms[" + i + "] ('" + form.get().name() + "' version " + spec.version() + ")");
            }
        }
        throwIfAny(errors);
        if (!retired.isEmpty()) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE, "retired forms cannot be assigned: "
                    + String.join(", ", retired));
        }
    }

    private static Optional<FormDefinition> findLibraryForm(Actor actor, FormService forms, FormAssignmentSpec spec) {
        try {
            return Optional.of(forms.get(actor, spec.formId(), spec.version()))
                    .filter(f -> f.workspaceId().isEmpty());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static NewWorkspace newWorkspace(NewWorkspaceFromTemplate request, Optional<io.clientworkspace.UserId> lead) {
        return new NewWorkspace(request.name(), request.slug(), Optional.of(request.externalRef()), lead,
                request.branding());
    }

    /** The version to make a workspace from: it exists, the actor may read it, and the template is active. */
    private WorkspaceTemplate usable(Actor actor, TemplateId templateId, OptionalInt version) {
        WorkspaceTemplate template = version.isPresent() ? get(actor, templateId, version.getAsInt())
                : readable(actor, templateId);
        if (template.status() == TemplateStatus.RETIRED) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                    "Template '" + template.name() + "' is retired; no workspace can be made from it");
        }
        return template;
    }

    private WorkspaceTemplate readable(Actor actor, TemplateId templateId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(templateId, "templateId must not be null");
        return templates.findLatest(actor.tenantId(), templateId).filter(t -> onRoster(actor))
                .orElseThrow(() -> new NotFoundException("template", templateId.value()));
    }

    private boolean onRoster(Actor actor) {
        return actor.kind() == ActorKind.TEAM && authorizer.tenantRole(actor).isPresent();
    }

    private void requireAdmin(Actor actor, String action) {
        if (actor.kind() != ActorKind.TEAM
                || authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), action);
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
