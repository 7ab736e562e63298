package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.member.Permission;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.FormDtos.DefineFormRequest;
import io.clientworkspace.spring.web.FormDtos.FormDto;
import io.clientworkspace.spring.web.FormDtos.ReviseFormRequest;
import io.clientworkspace.spring.web.FormDtos.RetireFormRequest;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Form definitions: the tenant's library ({@code /tenant/forms}: tenant admins define, revise and retire; the
 * team on the roster reads; clients get 404 as for anything of the tenant they cannot see) and a workspace's own
 * forms ({@code /workspaces/{ws}/forms}: its lead or a tenant admin defines; its members read, clients only active
 * forms). A revision is a new version; earlier versions and the answers given to them stay. The JSON shape of a
 * field is the union described in {@link FormDtos}.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class FormApiController implements KitController {

    private final WorkspaceKit kit;

    public FormApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    // ------------------------------------------------------------------------------------------ library

    /** The library's forms, each as its latest version, by id. */
    @Operation(summary = "The tenant's form library, latest versions (team on the roster)")
    @GetMapping("/tenant/forms")
    public PageDto<FormDto> library(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                    @RequestParam(defaultValue = "50") int limit) {
        requireTeam(actor);
        return PageDto.of(kit.forms().list(actor, Optional.empty(), WorkspaceApiController.page(cursor, limit)),
                FormDto::of);
    }

    /** Defines version 1 of a library form; 201 with it. */
    @Operation(summary = "Define a library form, version 1 (tenant admins)")
    @PostMapping("/tenant/forms")
    public ResponseEntity<FormDto> defineInLibrary(Actor actor, @RequestBody DefineFormRequest body) {
        requireTeam(actor);
        TenantApiController.requireTenantAdmin(kit, actor, "define forms");
        return created(kit.forms().define(actor, Optional.empty(), newForm(body)));
    }

    /** A library form: its latest version, or {@code ?version=}. */
    @Operation(summary = "A library form: the latest version or ?version= (team on the roster)")
    @GetMapping("/tenant/forms/{formId}")
    public ResponseEntity<FormDto> libraryForm(Actor actor, @PathVariable String formId,
                                               @RequestParam(required = false) @Nullable Integer version) {
        requireTeam(actor);
        FormDefinition latest = libraryLatest(actor, formId);
        FormDefinition form = version == null ? latest : kit.forms().get(actor, FormId.of(formId), version);
        return withETag(form);
    }

    /** Every version of a library form, oldest first. */
    @Operation(summary = "Every version of a library form (team on the roster)")
    @GetMapping("/tenant/forms/{formId}/versions")
    public List<FormDto> libraryVersions(Actor actor, @PathVariable String formId) {
        requireTeam(actor);
        libraryLatest(actor, formId);
        return kit.forms().versions(actor, FormId.of(formId)).stream().map(FormDto::of).toList();
    }

    /** Stores the next version of a library form; 201 with it. */
    @Operation(summary = "Revise a library form: a new version (tenant admins; expectedVersion)")
    @PostMapping("/tenant/forms/{formId}/versions")
    public ResponseEntity<FormDto> reviseInLibrary(Actor actor, @PathVariable String formId,
                                                   @RequestBody ReviseFormRequest body) {
        requireTeam(actor);
        TenantApiController.requireTenantAdmin(kit, actor, "revise forms");
        libraryLatest(actor, formId);
        return revised(actor, formId, body);
    }

    /** Retires a library form (every version). */
    @Operation(summary = "Retire a library form (tenant admins; expectedVersion)")
    @PostMapping("/tenant/forms/{formId}/retire")
    public ResponseEntity<FormDto> retireInLibrary(Actor actor, @PathVariable String formId,
                                                   @RequestBody RetireFormRequest body) {
        requireTeam(actor);
        TenantApiController.requireTenantAdmin(kit, actor, "retire forms");
        libraryLatest(actor, formId);
        return withETag(kit.forms().retire(actor, FormId.of(formId),
                Inputs.required(body.expectedVersion(), "expectedVersion")));
    }

    // ------------------------------------------------------------------------------------------ workspace

    /** The workspace's own forms, latest versions by id (clients: active ones only). */
    @Operation(summary = "A workspace's own forms, latest versions (members; clients see active ones)")
    @GetMapping("/workspaces/{workspaceId}/forms")
    public PageDto<FormDto> workspaceForms(Actor actor, @PathVariable String workspaceId,
                                           @RequestParam(required = false) @Nullable String cursor,
                                           @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.forms().list(actor, Optional.of(WorkspaceId.of(workspaceId)),
                WorkspaceApiController.page(cursor, limit)), FormDto::of);
    }

    /** Defines version 1 of a workspace's own form; 201 with it. */
    @Operation(summary = "Define a workspace's own form, version 1 (its lead or a tenant admin)")
    @PostMapping("/workspaces/{workspaceId}/forms")
    public ResponseEntity<FormDto> defineInWorkspace(Actor actor, @PathVariable String workspaceId,
                                                     @RequestBody DefineFormRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.access().require(actor, ws, Permission.MANAGE_REQUESTS, "define forms");
        return created(kit.forms().define(actor, Optional.of(ws), newForm(body)));
    }

    /**
     * A form as used in the workspace (a library form or the workspace's own), its latest version or
     * {@code ?version=}: what a member needs to render it.
     */
    @Operation(summary = "A form usable in the workspace: latest version or ?version= (members)")
    @GetMapping("/workspaces/{workspaceId}/forms/{formId}")
    public ResponseEntity<FormDto> workspaceForm(Actor actor, @PathVariable String workspaceId,
                                                 @PathVariable String formId,
                                                 @RequestParam(required = false) @Nullable Integer version) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        FormDefinition form = version == null ? kit.forms().latest(actor, ws, FormId.of(formId))
                : kit.forms().get(actor, ws, FormId.of(formId), version);
        return withETag(form);
    }

    /** Every version of a workspace's own form, oldest first. */
    @Operation(summary = "Every version of a workspace's own form (its team)")
    @GetMapping("/workspaces/{workspaceId}/forms/{formId}/versions")
    public List<FormDto> workspaceVersions(Actor actor, @PathVariable String workspaceId, @PathVariable String formId) {
        ownLatest(actor, workspaceId, formId);
        return kit.forms().versions(actor, FormId.of(formId)).stream().map(FormDto::of).toList();
    }

    /** Stores the next version of a workspace's own form; 201 with it. */
    @Operation(summary = "Revise a workspace's own form: a new version (its lead; expectedVersion)")
    @PostMapping("/workspaces/{workspaceId}/forms/{formId}/versions")
    public ResponseEntity<FormDto> reviseInWorkspace(Actor actor, @PathVariable String workspaceId,
                                                     @PathVariable String formId, @RequestBody ReviseFormRequest body) {
        ownLatest(actor, workspaceId, formId);
        return revised(actor, formId, body);
    }

    /** Retires a workspace's own form (every version). */
    @Operation(summary = "Retire a workspace's own form (its lead; expectedVersion)")
    @PostMapping("/workspaces/{workspaceId}/forms/{formId}/retire")
    public ResponseEntity<FormDto> retireInWorkspace(Actor actor, @PathVariable String workspaceId,
                                                     @PathVariable String formId, @RequestBody RetireFormRequest body) {
        ownLatest(actor, workspaceId, formId);
        return withETag(kit.forms().retire(actor, FormId.of(formId),
                Inputs.required(body.expectedVersion(), "expectedVersion")));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Clients get the 404 of a tenant resource they cannot see, before any body is looked at. */
    private static void requireTeam(Actor actor) {
        if (!actor.isTeam()) {
            throw new NotFoundException("form library", actor.tenantId().value());
        }
    }

    private FormDefinition libraryLatest(Actor actor, String formId) {
        FormDefinition latest = kit.forms().latest(actor, FormId.of(formId));
        if (latest.workspaceId().isPresent()) {
            throw new NotFoundException("form", formId);
        }
        return latest;
    }

    private FormDefinition ownLatest(Actor actor, String workspaceId, String formId) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.access().visible(actor, ws);
        FormDefinition latest = kit.forms().latest(actor, FormId.of(formId));
        if (!latest.workspaceId().equals(Optional.of(ws))) {
            throw new NotFoundException("form", formId);
        }
        return latest;
    }

    private ResponseEntity<FormDto> revised(Actor actor, String formId, ReviseFormRequest body) {
        int expected = Inputs.required(body.expectedVersion(), "expectedVersion");
        List<FormField> fields = FormDtos.fields(body.fields());
        FormDefinition next = kit.forms().revise(actor, FormId.of(formId), expected,
                Inputs.required(body.name(), "name"), fields);
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .replacePath(path == null ? "" : path.replaceAll("/versions$", "")).replaceQuery(null)
                        .queryParam("version", next.version()).build().toUri())
                .eTag(Inputs.etag(next.version())).body(FormDto.of(next));
    }

    /** The body as a new form, every missing or mistyped part reported at once (the core checks the rest). */
    private static NewForm newForm(DefineFormRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.key() == null) {
            errors.add(FieldError.of("key", "is required"));
        }
        if (body.name() == null) {
            errors.add(FieldError.of("name", "is required"));
        }
        List<FormField> fields = List.of();
        try {
            fields = FormDtos.fields(body.fields());
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new NewForm(Inputs.required(body.key(), "key"), Inputs.required(body.name(), "name"), fields);
    }

    private static ResponseEntity<FormDto> created(FormDefinition form) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(form.id().value()).toUri())
                .eTag(Inputs.etag(form.version())).body(FormDto.of(form));
    }

    private static ResponseEntity<FormDto> withETag(FormDefinition form) {
        return ResponseEntity.ok().eTag(Inputs.etag(form.version())).body(FormDto.of(form));
    }
}
