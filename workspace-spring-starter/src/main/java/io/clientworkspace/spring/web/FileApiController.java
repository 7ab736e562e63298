package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.ContentPolicy;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.spring.web.FileDtos.DownloadDto;
import io.clientworkspace.spring.web.FileDtos.FileDto;
import io.clientworkspace.spring.web.FileDtos.FileVersionDto;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Files of a workspace: list, metadata (with ETag), versions, streamed upload of new files and new
 * versions, restore of an old version, trash and restore, streamed download, and the download log.
 *
 * <p>Uploads take the raw body (truly streamed; see {@link Transfers}) or a multipart form with the part
 * {@code file} (buffered by the container per {@code spring.servlet.multipart.*}). Refused content is
 * 400 {@code validation} with the field ({@code content} or {@code name}) and the detected type; an
 * upload over the content policy's size is 413 {@code payload-too-large}. Internal files, and files of
 * workspaces the caller may not see, answer 404 like unknown ids.
 *
 * <p>If-Match is optional on changes to a file (versions are only ever added, so nothing is lost without
 * it); when sent it must name the file's current ETag, else 412.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/files")
public class FileApiController implements KitController {

    private final WorkspaceKit kit;
    private final @Nullable ContentPolicy policy;

    /** A controller that leaves size refusals to the kit (answered 400). */
    public FileApiController(WorkspaceKit kit) {
        this(kit, null);
    }

    /**
     * @param policy the content policy the kit was built with, so that uploads over its size limit are
     *               refused with 413 (before reading a byte when the request declares its length)
     */
    public FileApiController(WorkspaceKit kit, @Nullable ContentPolicy policy) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.policy = policy;
    }

    /** Files directly in {@code folder} (the top level without it), by name; {@code status=TRASHED} lists the trash. */
    @Operation(summary = "Files in a folder, by name (?folder=, ?status=TRASHED)")
    @GetMapping
    public PageDto<FileDto> list(Actor actor, @PathVariable String workspaceId,
                                 @RequestParam(required = false) @Nullable String folder,
                                 @RequestParam(required = false) @Nullable String status,
                                 @RequestParam(required = false) @Nullable String cursor,
                                 @RequestParam(defaultValue = "50") int limit) {
        FileStatus wanted = status == null ? FileStatus.ACTIVE : Inputs.enumValue(status, FileStatus.class, "status");
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        var page = WorkspaceApiController.page(cursor, limit);
        return PageDto.of(wanted == FileStatus.ACTIVE
                ? kit.files().list(actor, ws, FolderApiController.folderId(folder), page)
                : kit.files().trash(actor, ws, FolderApiController.folderId(folder), page), FileDto::of);
    }

    /**
     * Uploads a new file: the raw body with the file's {@code Content-Type} and its name in {@code name}
     * or {@code Content-Disposition}, or a multipart form with the part {@code file}. 201 with the file.
     */
    @Operation(summary = "Upload a new file (raw body or multipart)")
    @PostMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = UPLOAD_DESCRIPTION, content = {
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object", requiredProperties = "file"))})
    public ResponseEntity<FileDto> upload(Actor actor, @PathVariable String workspaceId,
                                          @RequestParam(required = false) @Nullable String name,
                                          @RequestParam(required = false) @Nullable String folder,
                                          @RequestParam(required = false) @Nullable String visibility,
                                          HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        Visibility wanted = visibility == null ? Visibility.CLIENT : Inputs.enumValue(visibility, Visibility.class, "visibility");
        Transfers.Upload upload = Transfers.upload(request, name);
        NewUpload meta = new NewUpload(Transfers.requiredName(upload), upload.declaredType(),
                FolderApiController.folderId(folder), wanted);
        FileAsset created = Transfers.run(upload, policy,
                content -> kit.files().upload(actor, WorkspaceId.of(workspaceId), meta, content));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                        .path("/{id}").buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version()))
                .body(FileDto.of(created));
    }

    /** One file, with its version as ETag. */
    @Operation(summary = "One file, with its version as ETag")
    @GetMapping("/{fileId}")
    public ResponseEntity<FileDto> get(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId) {
        return withETag(kit.files().get(actor, WorkspaceId.of(workspaceId), FileId.of(fileId)));
    }

    /** Every version, newest first. */
    @Operation(summary = "A file's versions, newest first")
    @GetMapping("/{fileId}/versions")
    public PageDto<FileVersionDto> versions(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId) {
        List<FileVersionDto> versions = kit.files().versions(actor, WorkspaceId.of(workspaceId), FileId.of(fileId))
                .stream().map(FileVersionDto::of).toList();
        return new PageDto<>(versions, null);
    }

    /**
     * Uploads a new version (same forms as a new file; without a name the file keeps its current one).
     * Open approvals of older versions become SUPERSEDED. 201 with the version; ETag: the file's new version.
     */
    @Operation(summary = "Upload a new version of a file")
    @PostMapping("/{fileId}/versions")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = UPLOAD_DESCRIPTION, content = {
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object", requiredProperties = "file"))})
    public ResponseEntity<FileVersionDto> uploadVersion(Actor actor, @PathVariable String workspaceId,
                                                        @PathVariable String fileId,
                                                        @RequestParam(required = false) @Nullable String name,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                        HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        FileId id = FileId.of(fileId);
        // Checked before the bytes stream (an upload is never held inside a transaction); a version
        // added meanwhile by someone else is kept as well, since versions are only ever appended. The
        // kit checks again; checking here first refuses a stale upload before its body is even parsed.
        FileAsset current = kit.files().get(actor, ws, id);
        Inputs.requireVersion(expected, current.version(), "file", fileId);
        Transfers.Upload upload = Transfers.upload(request, name);
        String fileName = Transfers.nameOr(upload, current::name);
        FileVersion added = Transfers.run(upload, policy, content -> expected.isPresent()
                ? kit.files().uploadVersion(actor, ws, id, fileName, upload.declaredType(), content, expected.getAsLong())
                : kit.files().uploadVersion(actor, ws, id, fileName, upload.declaredType(), content));
        return versionCreated(actor, ws, id, added);
    }

    /** The same as {@code POST /{fileId}/versions}: replaces the content with a new version. */
    @Operation(summary = "Replace a file's content (a new version)")
    @PutMapping("/{fileId}/content")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = UPLOAD_DESCRIPTION, content = {
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object", requiredProperties = "file"))})
    public ResponseEntity<FileVersionDto> replaceContent(Actor actor, @PathVariable String workspaceId,
                                                         @PathVariable String fileId,
                                                         @RequestParam(required = false) @Nullable String name,
                                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                         HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        return uploadVersion(actor, workspaceId, fileId, name, ifMatch, request);
    }

    /** Makes an old version the newest again (as a new version of the same bytes). 201 with the new version. */
    @Operation(summary = "Make an old version the newest again")
    @PostMapping("/{fileId}/versions/{number}/restore")
    public ResponseEntity<FileVersionDto> restoreVersion(Actor actor, @PathVariable String workspaceId,
                                                         @PathVariable String fileId, @PathVariable int number,
                                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        FileId id = FileId.of(fileId);
        FileVersion added = expected.isPresent()
                ? kit.files().restoreVersion(actor, ws, id, number, expected.getAsLong())
                : kit.files().restoreVersion(actor, ws, id, number);
        return versionCreated(actor, ws, id, added);
    }

    /** Moves the file to the trash. */
    @Operation(summary = "Move a file to the trash")
    @PostMapping("/{fileId}/trash")
    public ResponseEntity<FileDto> trash(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return setStatus(actor, workspaceId, fileId, ifMatch, FileStatus.TRASHED);
    }

    /** Takes the file out of the trash. */
    @Operation(summary = "Take a file out of the trash")
    @PostMapping("/{fileId}/restore")
    public ResponseEntity<FileDto> restore(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return setStatus(actor, workspaceId, fileId, ifMatch, FileStatus.ACTIVE);
    }

    /**
     * Shares the file with clients ({@code {"visibility":"CLIENT"}}) or withdraws it from them
     * ({@code "TEAM"}); team only, needs If-Match. A withdrawn file answers 404 to clients at once, with every
     * version; open approvals a client was asked to decide are cancelled with the reason "file withdrawn".
     */
    @Operation(summary = "Share a file with clients or withdraw it (team; If-Match)")
    @PostMapping("/{fileId}/visibility")
    public ResponseEntity<FileDto> changeVisibility(Actor actor, @PathVariable String workspaceId,
                                                    @PathVariable String fileId,
                                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                    @org.springframework.web.bind.annotation.RequestBody
                                                    FileDtos.ChangeVisibilityRequest body) {
        long expected = Inputs.ifMatch(ifMatch);
        Visibility visibility = Inputs.enumValue(Inputs.required(body.visibility(), "visibility"), Visibility.class,
                "visibility");
        return withETag(kit.files().changeVisibility(actor, WorkspaceId.of(workspaceId), FileId.of(fileId), visibility,
                expected));
    }

    /**
     * Purges a trashed file for good: its versions, bytes and download log are deleted; the activity log keeps
     * a tombstone with its name and each version's SHA-256. Tenant admins and the workspace's lead only;
     * needs If-Match. 204; 409 if the file is not in the trash.
     */
    @Operation(summary = "Purge a trashed file for good (tenant admin or lead; If-Match)")
    @org.springframework.web.bind.annotation.DeleteMapping("/{fileId}")
    public ResponseEntity<Void> purge(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        long expected = Inputs.ifMatch(ifMatch);
        kit.files().purge(actor, WorkspaceId.of(workspaceId), FileId.of(fileId), expected);
        return ResponseEntity.noContent().build();
    }

    /** Downloads the latest version, streamed (see {@link FileDownloads}); records the download. */
    @Operation(summary = "Download the latest version")
    @GetMapping("/{fileId}/content")
    public void download(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId,
                         HttpServletResponse response) throws IOException {
        FileDownloads.write(kit.downloads().download(actor, WorkspaceId.of(workspaceId), FileId.of(fileId), OptionalInt.empty()),
                response);
    }

    /** Downloads one version, streamed; records the download. */
    @Operation(summary = "Download one version")
    @GetMapping("/{fileId}/versions/{number}/content")
    public void downloadVersion(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId,
                                @PathVariable int number, HttpServletResponse response) throws IOException {
        FileDownloads.write(kit.downloads().download(actor, WorkspaceId.of(workspaceId), FileId.of(fileId), OptionalInt.of(number)),
                response);
    }

    /** Who downloaded the file, newest first (team only: 403 for clients). */
    @Operation(summary = "Who downloaded the file (team)")
    @GetMapping("/{fileId}/downloads")
    public PageDto<DownloadDto> downloads(Actor actor, @PathVariable String workspaceId, @PathVariable String fileId,
                                          @RequestParam(required = false) @Nullable String cursor,
                                          @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(kit.downloads().log(actor, WorkspaceId.of(workspaceId), FileId.of(fileId),
                WorkspaceApiController.page(cursor, limit)), DownloadDto::of);
    }

    private ResponseEntity<FileDto> setStatus(Actor actor, String workspaceId, String fileId, @Nullable String ifMatch,
                                              FileStatus status) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        FileId id = FileId.of(fileId);
        FileAsset changed;
        if (status == FileStatus.TRASHED) {
            changed = expected.isPresent() ? kit.files().trash(actor, ws, id, expected.getAsLong()) : kit.files().trash(actor, ws, id);
        } else {
            changed = expected.isPresent() ? kit.files().restore(actor, ws, id, expected.getAsLong()) : kit.files().restore(actor, ws, id);
        }
        return withETag(changed);
    }

    private ResponseEntity<FileVersionDto> versionCreated(Actor actor, WorkspaceId ws, FileId id, FileVersion added) {
        FileAsset file = kit.files().get(actor, ws, id);
        return ResponseEntity.status(HttpStatus.CREATED).location(versionLocation(id, added.number()))
                .eTag(Inputs.etag(file.version())).body(FileVersionDto.of(added));
    }

    /** The download address of a version, from the current request's address of the same file. */
    private static URI versionLocation(FileId id, int number) {
        String file = "/files/" + UriUtils.encodePathSegment(id.value(), StandardCharsets.UTF_8);
        String current = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUriString();
        int at = current.lastIndexOf(file);
        String base = at < 0 ? current : current.substring(0, at + file.length());
        return URI.create(base + "/versions/" + number + "/content");
    }

    private static ResponseEntity<FileDto> withETag(FileAsset file) {
        return ResponseEntity.ok().eTag(Inputs.etag(file.version())).body(FileDto.of(file));
    }

    /** How the OpenAPI document describes an upload body (the handlers read the raw request themselves). */
    static final String UPLOAD_DESCRIPTION = "The file: the raw body with the file's own Content-Type (streamed, any"
            + " size up to client-workspace.files.max-size; the name in the 'name' query parameter or in Content-Disposition),"
            + " or multipart/form-data with the part 'file' (buffered by the servlet container)";
}
