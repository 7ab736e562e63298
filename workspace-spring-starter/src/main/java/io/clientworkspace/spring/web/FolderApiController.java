package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FolderId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.Folder;
import io.clientworkspace.spring.web.FileDtos.CreateFolderRequest;
import io.clientworkspace.spring.web.FileDtos.FolderDto;
import io.clientworkspace.spring.web.FileDtos.MoveFolderRequest;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.FileDtos.RenameFolderRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Folders of a workspace: list, read (with ETag), create, rename and move (with If-Match), delete
 * (empty folders only). Internal folders are invisible to clients: they answer 404 like unknown ids.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/folders")
public class FolderApiController implements KitController {

    private final WorkspaceKit kit;

    public FolderApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The folders directly inside {@code parent} (the top level without it), by name. */
    @Operation(summary = "Folders inside a parent folder, by name (?parent=)")
    @GetMapping
    public PageDto<FolderDto> list(Actor actor, @PathVariable String workspaceId,
                                   @RequestParam(required = false) @Nullable String parent,
                                   @RequestParam(required = false) @Nullable String cursor,
                                   @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.folders().list(actor, WorkspaceId.of(workspaceId), folderId(parent),
                WorkspaceApiController.page(cursor, limit)), FolderDto::of);
    }

    /** One folder, with its version as ETag. */
    @Operation(summary = "One folder, with its version as ETag")
    @GetMapping("/{folderId}")
    public ResponseEntity<FolderDto> get(Actor actor, @PathVariable String workspaceId, @PathVariable String folderId) {
        return withETag(kit.folders().get(actor, WorkspaceId.of(workspaceId), FolderId.of(folderId)));
    }

    /** Creates a folder (visibility CLIENT unless TEAM is asked for; inside an internal folder it must be TEAM). */
    @Operation(summary = "Create a folder")
    @PostMapping
    public ResponseEntity<FolderDto> create(Actor actor, @PathVariable String workspaceId,
                                            @RequestBody CreateFolderRequest body) {
        Visibility visibility = body.visibility() == null ? Visibility.CLIENT
                : Inputs.enumValue(body.visibility(), Visibility.class, "visibility");
        Folder created = kit.folders().create(actor, WorkspaceId.of(workspaceId),
                Inputs.required(body.name(), "name"), folderId(body.parent()), visibility);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version()))
                .body(FolderDto.of(created));
    }

    /** Renames; needs If-Match. */
    @Operation(summary = "Rename a folder (If-Match)")
    @PostMapping("/{folderId}/rename")
    public ResponseEntity<FolderDto> rename(Actor actor, @PathVariable String workspaceId, @PathVariable String folderId,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                            @RequestBody RenameFolderRequest body) {
        long expected = Inputs.ifMatch(ifMatch);
        return withETag(kit.folders().rename(actor, WorkspaceId.of(workspaceId), FolderId.of(folderId),
                Inputs.required(body.name(), "name"), expected));
    }

    /** Moves under another parent, or to the top level when {@code parent} is absent; needs If-Match. */
    @Operation(summary = "Move a folder (If-Match)")
    @PostMapping("/{folderId}/move")
    public ResponseEntity<FolderDto> move(Actor actor, @PathVariable String workspaceId, @PathVariable String folderId,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                          @RequestBody MoveFolderRequest body) {
        long expected = Inputs.ifMatch(ifMatch);
        return withETag(kit.folders().move(actor, WorkspaceId.of(workspaceId), FolderId.of(folderId),
                folderId(body.parent()), expected));
    }

    /** Deletes an empty folder (files in the trash count); If-Match is checked when sent. */
    @Operation(summary = "Delete an empty folder")
    @DeleteMapping("/{folderId}")
    public ResponseEntity<Void> delete(Actor actor, @PathVariable String workspaceId, @PathVariable String folderId,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        FolderId id = FolderId.of(folderId);
        if (expected.isPresent()) {
            kit.folders().delete(actor, ws, id, expected.getAsLong());
        } else {
            kit.folders().delete(actor, ws, id);
        }
        return ResponseEntity.noContent().build();
    }

    static Optional<FolderId> folderId(@Nullable String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(FolderId.of(value));
    }

    private static ResponseEntity<FolderDto> withETag(Folder folder) {
        return ResponseEntity.ok().eTag(Inputs.etag(folder.version())).body(FolderDto.of(folder));
    }
}
