package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TemplateId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.TemplateDtos.CreateFromTemplateRequest;
import io.clientworkspace.spring.web.TemplateDtos.DefineTemplateRequest;
import io.clientworkspace.spring.web.TemplateDtos.RetireTemplateRequest;
import io.clientworkspace.spring.web.TemplateDtos.ReviseTemplateRequest;
import io.clientworkspace.spring.web.TemplateDtos.TemplateDto;
import io.clientworkspace.spring.web.TemplateDtos.TemplateSummaryDto;
import io.clientworkspace.spring.web.TemplateDtos.WorkspaceOriginDto;
import io.clientworkspace.spring.web.WorkspaceDtos.WorkspaceDto;
import io.clientworkspace.template.CreatedWorkspace;
import io.clientworkspace.template.NewTemplate;
import io.clientworkspace.template.NewWorkspaceFromTemplate;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.workspace.Branding;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Workspace templates, the tenant's library of ready-made workspaces ({@code /tenant/templates}: tenant admins
 * define, revise, retire and create workspaces from them; the team on the roster reads; clients get 404 as for
 * anything of the tenant they cannot see), and a workspace's origin ({@code /workspaces/{id}/origin}, team only).
 * Creating a workspace from a template is one atomic operation, idempotent by the host's external reference: 201
 * with the workspace when it was made, 200 with the same workspace when that reference already made it from this
 * template, 409 {@code duplicate-external-ref} when the reference belongs to a workspace made otherwise.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class TemplateApiController implements KitController {

    private final WorkspaceKit kit;
    private final String basePath;

    /** @param basePath the REST base path (e.g. {@code /api}), for the Location of a new workspace */
    public TemplateApiController(WorkspaceKit kit, String basePath) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.basePath = requireNonNull(basePath, "basePath must not be null").replaceAll("/+$", "");
    }

    /** The library's templates, each as its latest version (retired ones included), by id. */
    @Operation(summary = "The tenant's workspace templates, latest versions (team on the roster)")
    @GetMapping("/tenant/templates")
    public PageDto<TemplateSummaryDto> list(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                            @RequestParam(defaultValue = "50") int limit) {
        requireTeam(actor);
        return PageDto.of(kit.templates().list(actor, WorkspaceApiController.page(cursor, limit)),
                TemplateSummaryDto::of);
    }

    /** Defines version 1 of a template; 201 with it. */
    @Operation(summary = "Define a workspace template, version 1 (tenant admins)")
    @PostMapping("/tenant/templates")
    public ResponseEntity<TemplateDto> define(Actor actor, @RequestBody DefineTemplateRequest body) {
        requireTeam(actor);
        TenantApiController.requireTenantAdmin(kit, actor, "define workspace templates");
        List<FieldError> errors = new ArrayList<>();
        if (body.key() == null) {
            errors.add(FieldError.of("key", "is required"));
        }
        if (body.name() == null) {
            errors.add(FieldError.of("name", "is required"));
        }
        TemplateContent content = content(body.content(), errors);
        throwIfAny(errors);
        WorkspaceTemplate created = kit.templates().define(actor, new NewTemplate(requireNonNull(body.key(), "key"),
                requireNonNull(body.name(), "name"), content));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version())).body(TemplateDto.of(created));
    }

    /** A template: its latest version, or {@code ?version=}. */
    @Operation(summary = "A workspace template: the latest version or ?version= (team on the roster)")
    @GetMapping("/tenant/templates/{templateId}")
    public ResponseEntity<TemplateDto> get(Actor actor, @PathVariable String templateId,
                                           @RequestParam(required = false) @Nullable Integer version) {
        requireTeam(actor);
        TemplateId id = TemplateId.of(templateId);
        WorkspaceTemplate template = version == null ? kit.templates().latest(actor, id)
                : kit.templates().get(actor, id, version);
        return withETag(template);
    }

    /** Every version of a template, oldest first, without content. */
    @Operation(summary = "Every version of a workspace template (team on the roster)")
    @GetMapping("/tenant/templates/{templateId}/versions")
    public List<TemplateSummaryDto> versions(Actor actor, @PathVariable String templateId) {
        requireTeam(actor);
        return kit.templates().versions(actor, TemplateId.of(templateId)).stream().map(TemplateSummaryDto::of).toList();
    }

    /** Stores the next version of a template; 201 with it. */
    @Operation(summary = "Revise a workspace template: a new version (tenant admins; expectedVersion)")
    @PostMapping("/tenant/templates/{templateId}/versions")
    public ResponseEntity<TemplateDto> revise(Actor actor, @PathVariable String templateId,
                                              @RequestBody ReviseTemplateRequest body) {
        requireTeam(actor);
        TemplateId id = TemplateId.of(templateId);
        kit.templates().latest(actor, id);
        TenantApiController.requireTenantAdmin(kit, actor, "revise workspace templates");
        List<FieldError> errors = new ArrayList<>();
        if (body.name() == null) {
            errors.add(FieldError.of("name", "is required"));
        }
        if (body.expectedVersion() == null) {
            errors.add(FieldError.of("expectedVersion", "is required"));
        }
        TemplateContent content = content(body.content(), errors);
        throwIfAny(errors);
        WorkspaceTemplate next = kit.templates().revise(actor, id, requireNonNull(body.expectedVersion(), "expected"),
                requireNonNull(body.name(), "name"), content);
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .replacePath(path == null ? "" : path.replaceAll("/versions$", "")).replaceQuery(null)
                        .queryParam("version", next.version()).build().toUri())
                .eTag(Inputs.etag(next.version())).body(TemplateDto.of(next));
    }

    /** Retires a template (every version): no workspace can be made from it any more. */
    @Operation(summary = "Retire a workspace template (tenant admins; expectedVersion)")
    @PostMapping("/tenant/templates/{templateId}/retire")
    public ResponseEntity<TemplateDto> retire(Actor actor, @PathVariable String templateId,
                                              @RequestBody RetireTemplateRequest body) {
        requireTeam(actor);
        TemplateId id = TemplateId.of(templateId);
        kit.templates().latest(actor, id);
        TenantApiController.requireTenantAdmin(kit, actor, "retire workspace templates");
        return withETag(kit.templates().retire(actor, id, Inputs.required(body.expectedVersion(), "expectedVersion")));
    }

    /**
     * Makes a workspace from the template (its latest version, or {@code templateVersion}) in one unit of work: 201
     * with the workspace, or 200 with the same workspace when the external reference already made it.
     */
    @Operation(summary = "Create a workspace from a template: 201, or 200 when the externalRef already made it (tenant admins)")
    @PostMapping("/tenant/templates/{templateId}/workspaces")
    public ResponseEntity<WorkspaceDto> createWorkspace(Actor actor, @PathVariable String templateId,
                                                        @RequestBody CreateFromTemplateRequest body) {
        requireTeam(actor);
        TemplateId id = TemplateId.of(templateId);
        kit.templates().latest(actor, id);
        TenantApiController.requireTenantAdmin(kit, actor, "create workspaces from templates");
        List<FieldError> errors = new ArrayList<>();
        String name = required(body.name(), "name", errors);
        String slug = required(body.slug(), "slug", errors);
        String externalRef = required(body.externalRef(), "externalRef", errors);
        String start = required(body.startDate(), "startDate", errors);
        LocalDate startDate = start == null ? null : date(start, errors);
        Optional<Instant> signedAt = body.contractSignedAt() == null ? Optional.empty()
                : Optional.ofNullable(CalendarApiController.instant(body.contractSignedAt(), "contractSignedAt", errors));
        throwIfAny(errors);
        Branding branding = body.branding() == null ? Branding.none() : body.branding().toDomain();
        OptionalInt version = body.templateVersion() == null ? OptionalInt.empty()
                : OptionalInt.of(body.templateVersion());
        CreatedWorkspace made = kit.templates().createWorkspace(actor, id, version, new NewWorkspaceFromTemplate(
                requireNonNull(name, "name"), requireNonNull(slug, "slug"), requireNonNull(externalRef, "externalRef"),
                requireNonNull(startDate, "startDate"), signedAt, branding));
        WorkspaceDto workspace = WorkspaceDto.of(made.workspace(), actor);
        if (!made.created()) {
            return ResponseEntity.ok().eTag(Inputs.etag(made.workspace().version())).body(workspace);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentServletMapping()
                        .path(basePath).path("/workspaces/{id}").buildAndExpand(made.workspace().id().value()).toUri())
                .eTag(Inputs.etag(made.workspace().version())).body(workspace);
    }

    /** Which template version made the workspace; 404 for a workspace made otherwise and always for clients. */
    @Operation(summary = "Which template version made the workspace (team; 404 when made otherwise)")
    @GetMapping("/workspaces/{workspaceId}/origin")
    public WorkspaceOriginDto origin(Actor actor, @PathVariable String workspaceId) {
        return kit.templates().origin(actor, WorkspaceId.of(workspaceId)).map(WorkspaceOriginDto::of)
                .orElseThrow(() -> new NotFoundException("workspace-origin", workspaceId));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Clients get the 404 of a tenant resource they cannot see, before any body is looked at. */
    private static void requireTeam(Actor actor) {
        if (!actor.isTeam()) {
            throw new NotFoundException("template library", actor.tenantId().value());
        }
    }

    private static TemplateContent content(TemplateDtos.@Nullable TemplateContentDto given, List<FieldError> errors) {
        if (given == null) {
            return TemplateContent.empty();
        }
        try {
            return given.toDomain("");
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return TemplateContent.empty();
        }
    }

    private static @Nullable String required(@Nullable String value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.of(field, "is required"));
        }
        return value;
    }

    private static @Nullable LocalDate date(String value, List<FieldError> errors) {
        if (value.length() <= 10) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(FieldError.of("startDate", "must be an ISO date such as 2026-12-06"));
        return null;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static ResponseEntity<TemplateDto> withETag(WorkspaceTemplate template) {
        return ResponseEntity.ok().eTag(Inputs.etag(template.version())).body(TemplateDto.of(template));
    }
}
