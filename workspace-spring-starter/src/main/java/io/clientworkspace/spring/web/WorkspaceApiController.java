package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.WorkspaceDtos.CreateWorkspaceRequest;
import io.clientworkspace.spring.web.WorkspaceDtos.MeDto;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.WorkspaceDtos.PermissionsDto;
import io.clientworkspace.spring.web.WorkspaceDtos.UpdateWorkspaceRequest;
import io.clientworkspace.spring.web.ActivityDtos.VerificationDto;
import io.clientworkspace.spring.web.WorkspaceDtos.WorkspaceDto;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Workspaces: list, create, read (with ETag), update, archive, restore, permissions and chain verification. */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class WorkspaceApiController implements KitController {

    private final WorkspaceKit kit;
    private final String basePath;

    /** A controller under the default base path {@code /api}. */
    public WorkspaceApiController(WorkspaceKit kit) {
        this(kit, "/api");
    }

    /**
     * A controller whose answers name other endpoints under {@code basePath} (the value of
     * {@code client-workspace.rest.base-path}, e.g. {@code /api}; trailing slashes are ignored).
     */
    public WorkspaceApiController(WorkspaceKit kit, String basePath) {
        this.kit = requireNonNull(kit, "kit must not be null");
        String trimmed = requireNonNull(basePath, "basePath must not be null").strip().replaceAll("/+$", "");
        this.basePath = trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    /**
     * Who the caller is. A team user who is not on its tenant's roster (so it sees nothing yet) also gets a
     * {@code rosterHint} saying how a tenant admin adds it.
     */
    @Operation(summary = "Who the caller is (with a rosterHint for team users off the roster)")
    @GetMapping("/me")
    public MeDto me(Actor actor, HttpServletRequest request) {
        Optional<String> tenantRole = kit.authorizer().tenantRole(actor).map(Enum::name);
        String rosterHint = actor.isTeam() && tenantRole.isEmpty() ? rosterHint(actor, request) : null;
        return new MeDto(actor.tenantId().value(), actor.userId().value(), actor.kind().name(), tenantRole.orElse(null),
                rosterHint);
    }

    /** The workspaces the caller may see, by slug. */
    @Operation(summary = "The workspaces the caller may see, by slug")
    @GetMapping("/workspaces")
    public PageDto<WorkspaceDto> list(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                      @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.workspaces().list(actor, page(cursor, limit)), w -> WorkspaceDto.of(w, actor));
    }

    /** Creates a workspace; the caller (or {@code lead}) becomes its lead. */
    @Operation(summary = "Create a workspace")
    @PostMapping("/workspaces")
    public ResponseEntity<WorkspaceDto> create(Actor actor, @RequestBody CreateWorkspaceRequest body) {
        NewWorkspace request = new NewWorkspace(Inputs.required(body.name(), "name"), Inputs.required(body.slug(), "slug"),
                Optional.ofNullable(body.externalRef()), Optional.ofNullable(body.lead()).map(UserId::of),
                body.branding() == null ? Branding.none() : body.branding().toDomain());
        Workspace created = kit.workspaces().create(actor, request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version()))
                .body(WorkspaceDto.of(created, actor));
    }

    /** One workspace, with its version as ETag. */
    @Operation(summary = "One workspace, with its version as ETag")
    @GetMapping("/workspaces/{id}")
    public ResponseEntity<WorkspaceDto> get(Actor actor, @PathVariable String id) {
        return withETag(kit.workspaces().get(actor, WorkspaceId.of(id)), actor);
    }

    /**
     * The workspace linked to the host's account id. Team only: a client gets the same 404 as for a reference
     * that does not exist.
     */
    @io.swagger.v3.oas.annotations.Operation(summary = "The workspace linked to the host's account id (team only)",
            description = "External references are the team's: a client caller gets the same 404 as for a reference"
                    + " that does not exist, and workspace bodies sent to clients have no externalRef field.")
    @GetMapping("/workspaces/by-external-ref/{externalRef}")
    public ResponseEntity<WorkspaceDto> byExternalRef(Actor actor, @PathVariable String externalRef) {
        return withETag(kit.workspaces().findByExternalRef(actor, externalRef)
                .orElseThrow(() -> new NotFoundException("workspace", externalRef)), actor);
    }

    /** Renames and/or re-brands; needs If-Match. */
    @Operation(summary = "Rename or re-brand a workspace (If-Match)")
    @PatchMapping("/workspaces/{id}")
    public ResponseEntity<WorkspaceDto> update(Actor actor, @PathVariable String id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                               @RequestBody UpdateWorkspaceRequest body) {
        long expectedVersion = Inputs.ifMatch(ifMatch);
        // One change in the kit: when the branding is refused after the name was accepted, the rename is
        // undone too, so that a failed request changes nothing.
        Workspace updated = kit.workspaces().update(actor, WorkspaceId.of(id), Optional.ofNullable(body.name()),
                Optional.ofNullable(body.branding()).map(b -> b.toDomain()), expectedVersion);
        return withETag(updated, actor);
    }

    /** Archives (read-only from then on); needs If-Match. */
    @Operation(summary = "Archive a workspace (If-Match)")
    @PostMapping("/workspaces/{id}/archive")
    public ResponseEntity<WorkspaceDto> archive(Actor actor, @PathVariable String id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(kit.workspaces().archive(actor, WorkspaceId.of(id), Inputs.ifMatch(ifMatch)), actor);
    }

    /** Restores an archived workspace; needs If-Match. */
    @Operation(summary = "Restore an archived workspace (If-Match)")
    @PostMapping("/workspaces/{id}/restore")
    public ResponseEntity<WorkspaceDto> restore(Actor actor, @PathVariable String id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withETag(kit.workspaces().restore(actor, WorkspaceId.of(id), Inputs.ifMatch(ifMatch)), actor);
    }

    /** What the caller may do in the workspace. */
    @Operation(summary = "What the caller may do in the workspace")
    @GetMapping("/workspaces/{id}/permissions")
    public PermissionsDto permissions(Actor actor, @PathVariable String id) {
        WorkspaceId workspaceId = WorkspaceId.of(id);
        kit.workspaces().get(actor, workspaceId);
        return PermissionsDto.of(id, kit.authorizer().grant(actor, workspaceId));
    }

    /** Verifies the workspace's activity chain (team only). */
    @Operation(summary = "Verify the workspace's activity chain (team)")
    @GetMapping("/workspaces/{id}/activity/verification")
    public VerificationDto verify(Actor actor, @PathVariable String id) {
        return VerificationDto.of(kit.activity().verify(actor, WorkspaceId.of(id)));
    }

    /**
     * How a tenant admin puts the caller on the roster. The path comes from the configured base path under the
     * request's context path and servlet mapping, never from the request URI, and the text names no host
     * configuration: end users read it.
     */
    private String rosterHint(Actor actor, HttpServletRequest request) {
        String team = ServletUriComponentsBuilder.fromServletMapping(request).path(basePath + "/tenant/team")
                .build().getPath();
        return "User '" + actor.userId().value() + "' is not on the team of tenant '" + actor.tenantId().value()
                + "', so it sees no workspace and may create none: a tenant admin adds you with POST " + team
                + " {\"userId\": \"" + actor.userId().value() + "\", \"role\": \"TEAM_MEMBER\"}";
    }

    static PageRequest page(@Nullable String cursor, int limit) {
        return cursor == null || cursor.isEmpty() ? PageRequest.first(limit) : PageRequest.after(cursor, limit);
    }

    private static ResponseEntity<WorkspaceDto> withETag(Workspace workspace, Actor actor) {
        return ResponseEntity.status(HttpStatus.OK).eTag(Inputs.etag(workspace.version()))
                .body(WorkspaceDto.of(workspace, actor));
    }
}
