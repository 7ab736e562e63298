package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.examples.portal.web.Views.ApprovalRow;
import io.clientworkspace.examples.portal.web.Views.FileRow;
import io.clientworkspace.examples.portal.web.Views.FolderView;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.examples.portal.web.Views.VersionView;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spring.web.FileDownloads;
import io.clientworkspace.workspace.Workspace;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The files pages of a workspace: folders and files, a file's versions, uploads (a plain HTML multipart
 * form whose file part is streamed into the kit), downloads, the trash, and asking for an approval of a
 * version. The kit decides what each user may see and do; the pages only leave out the controls it
 * would refuse.
 *
 * <p>Multipart forms are parsed by the servlet container first, which writes the file part to a
 * temporary file (see {@code spring.servlet.multipart.*} in {@code application.properties}); the kit's
 * REST API also takes the raw body, which streams without that copy.
 */
@Controller
public class FilesController {

    private static final int PAGE = PageRequest.MAX_LIMIT;

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;
    private final Clock clock = Clock.systemUTC();

    public FilesController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    @GetMapping("/workspaces/{slug}/files")
    public String files(Actor actor, @PathVariable String slug, @RequestParam(required = false) String folder,
                        Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        Optional<Folder> current = Optional.ofNullable(folder).filter(f -> !f.isEmpty())
                .map(f -> folder(actor, workspace, FolderId.of(f)));
        Optional<FolderId> currentId = current.map(Folder::id);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        Instant now = clock.instant();

        List<FolderView> folders = kit.folders().list(actor, workspace.id(), currentId, PageRequest.first(PAGE)).items()
                .stream().map(FilesController::view).toList();
        List<FileRow> files = kit.files().list(actor, workspace.id(), currentId, PageRequest.first(PAGE)).items()
                .stream().map(f -> row(f, now)).toList();
        boolean canDelete = !workspace.isArchived() && grant.allows(Permission.DELETE_FILES);
        List<FileRow> trashed = canDelete
                ? kit.files().trash(actor, workspace.id(), currentId, PageRequest.first(PAGE)).items().stream()
                        .map(f -> row(f, now)).toList()
                : List.of();

        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("folder", current.map(FilesController::view).orElse(null));
        model.addAttribute("path", path(actor, workspace, current));
        model.addAttribute("folders", folders);
        model.addAttribute("files", files);
        model.addAttribute("trashed", trashed);
        model.addAttribute("canUpload", !workspace.isArchived() && grant.allows(Permission.UPLOAD_FILES));
        model.addAttribute("canDelete", canDelete);
        model.addAttribute("canInternal", grant.allows(Permission.VIEW_INTERNAL));
        // Inside an internal folder everything is internal.
        model.addAttribute("internalFolder", current.map(f -> f.visibility() == Visibility.TEAM).orElse(false));
        return "files";
    }

    /** Streams the uploaded part into the kit; refusals come back as a message naming the reason. */
    @PostMapping("/workspaces/{slug}/files")
    public String upload(Actor actor, @PathVariable String slug, @RequestParam("file") MultipartFile file,
                         @RequestParam(required = false) String folder,
                         @RequestParam(defaultValue = "false") boolean internal,
                         RedirectAttributes redirect) throws IOException {
        Workspace workspace = workspaces.visible(actor, slug);
        Optional<FolderId> folderId = Optional.ofNullable(folder).filter(f -> !f.isEmpty()).map(FolderId::of);
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        NewUpload upload = new NewUpload(name, file.getContentType() == null ? "" : file.getContentType(), folderId,
                internal ? Visibility.TEAM : Visibility.CLIENT);
        try (InputStream content = file.getInputStream()) {
            FileAsset stored = kit.files().upload(actor, workspace.id(), upload, content);
            redirect.addFlashAttribute("notice", "Uploaded " + stored.name() + ".");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "“" + name + "” was not uploaded: " + reasons(e));
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:" + filesUrl(workspace, folderId);
    }

    @PostMapping("/workspaces/{slug}/folders")
    public String createFolder(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String name,
                               @RequestParam(required = false) String parent,
                               @RequestParam(defaultValue = "false") boolean internal, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        Optional<FolderId> parentId = Optional.ofNullable(parent).filter(f -> !f.isEmpty()).map(FolderId::of);
        try {
            Folder created = kit.folders().create(actor, workspace.id(), name, parentId,
                    internal ? Visibility.TEAM : Visibility.CLIENT);
            redirect.addFlashAttribute("notice", "Created the folder " + created.name() + ".");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The folder was not created: " + reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + filesUrl(workspace, parentId);
    }

    @GetMapping("/workspaces/{slug}/files/{fileId}")
    public String file(Actor actor, @PathVariable String slug, @PathVariable String fileId, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        FileAsset file = kit.files().get(actor, workspace.id(), FileId.of(fileId));
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        boolean writable = !workspace.isArchived();
        List<VersionView> versions = kit.files().versions(actor, workspace.id(), file.id()).stream()
                .map(v -> view(v, file)).toList();
        List<ApprovalRow> approvals = ApprovalsController.rows(kit, actor, workspace,
                kit.approvals().listForFile(actor, workspace.id(), file.id()), workspaces::nameOf);
        boolean canRequest = writable && grant.allows(Permission.REQUEST_APPROVALS);

        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("file", file);
        model.addAttribute("internal", file.visibility() == Visibility.TEAM);
        model.addAttribute("trashed", file.status() != io.clientworkspace.file.FileStatus.ACTIVE);
        model.addAttribute("folderPath", path(actor, workspace, file.folderId().map(f -> folder(actor, workspace, f))));
        model.addAttribute("versions", versions);
        model.addAttribute("approvals", approvals);
        model.addAttribute("canUpload", writable && grant.allows(Permission.UPLOAD_FILES));
        model.addAttribute("canDelete", writable && grant.allows(Permission.DELETE_FILES));
        model.addAttribute("canRequest", canRequest);
        model.addAttribute("approverOptions", canRequest ? approverOptions(actor, workspace, file) : List.of());
        model.addAttribute("canChangeVisibility", writable && grant.allows(Permission.VIEW_INTERNAL)
                && grant.allows(Permission.UPLOAD_FILES));
        boolean adminOrLead = grant.tenantRole().filter(r -> r == io.clientworkspace.tenant.TenantRole.TENANT_ADMIN).isPresent()
                || grant.workspaceRole().filter(r -> r == io.clientworkspace.member.WorkspaceRole.LEAD).isPresent();
        model.addAttribute("canPurge", writable && adminOrLead && file.status() == io.clientworkspace.file.FileStatus.TRASHED);
        return "file";
    }

    /** Streams the version (the latest without {@code version}) with the kit's download headers. */
    @GetMapping("/workspaces/{slug}/files/{fileId}/download")
    public void download(Actor actor, @PathVariable String slug, @PathVariable String fileId,
                         @RequestParam(required = false) Integer version, HttpServletResponse response) throws IOException {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            FileDownloads.write(kit.downloads().download(actor, workspace.id(), FileId.of(fileId),
                    version == null ? OptionalInt.empty() : OptionalInt.of(version)), response);
        } catch (io.clientworkspace.AccessDeniedException e) {
            // The download policy's refusal carries its reason where a permission's name would be.
            if (java.util.Arrays.stream(Permission.values()).noneMatch(p -> p.name().equals(e.required()))) {
                throw new DownloadRefused(e.required());
            }
            throw e;
        }
    }

    /** The portal's download policy refused a download; {@link #getMessage()} says why, for the person. */
    static final class DownloadRefused extends RuntimeException {
        DownloadRefused(String reason) {
            super(reason);
        }
    }

    @PostMapping("/workspaces/{slug}/files/{fileId}/versions")
    public String uploadVersion(Actor actor, @PathVariable String slug, @PathVariable String fileId,
                                @RequestParam("file") MultipartFile part, RedirectAttributes redirect) throws IOException {
        Workspace workspace = workspaces.visible(actor, slug);
        FileAsset file = kit.files().get(actor, workspace.id(), FileId.of(fileId));
        String name = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()
                ? file.name() : part.getOriginalFilename();
        try (InputStream content = part.getInputStream()) {
            FileVersion added = kit.files().uploadVersion(actor, workspace.id(), file.id(), name,
                    part.getContentType() == null ? "" : part.getContentType(), content);
            redirect.addFlashAttribute("notice", "Added version " + added.number() + " of " + added.name() + ".");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The new version was not uploaded: " + reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/files/" + file.id().value();
    }

    @PostMapping("/workspaces/{slug}/files/{fileId}/trash")
    public String trash(Actor actor, @PathVariable String slug, @PathVariable String fileId, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        FileAsset trashed = kit.files().trash(actor, workspace.id(), FileId.of(fileId));
        redirect.addFlashAttribute("notice", trashed.name() + " is in the trash.");
        return "redirect:" + filesUrl(workspace, trashed.folderId());
    }

    @PostMapping("/workspaces/{slug}/files/{fileId}/restore")
    public String restore(Actor actor, @PathVariable String slug, @PathVariable String fileId, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        FileAsset restored = kit.files().restore(actor, workspace.id(), FileId.of(fileId));
        redirect.addFlashAttribute("notice", restored.name() + " is back from the trash.");
        return "redirect:" + filesUrl(workspace, restored.folderId());
    }

    /**
     * Withdraws the file from clients ({@code visibility=TEAM}) or shares it with them ({@code CLIENT}), as of
     * the version the page showed; a change made meanwhile by someone else is reported, not overwritten.
     */
    @PostMapping("/workspaces/{slug}/files/{fileId}/visibility")
    public String changeVisibility(Actor actor, @PathVariable String slug, @PathVariable String fileId,
                                   @RequestParam String visibility, @RequestParam long version,
                                   RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        Visibility wanted = "TEAM".equals(visibility) ? Visibility.TEAM : Visibility.CLIENT;
        try {
            FileAsset changed = kit.files().changeVisibility(actor, workspace.id(), FileId.of(fileId), wanted, version);
            redirect.addFlashAttribute("notice", wanted == Visibility.TEAM
                    ? changed.name() + " is internal now: clients no longer see it or any of its versions."
                    : changed.name() + " is shared with the client now.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Nothing changed: " + reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/files/" + fileId;
    }

    /** Deletes a trashed file permanently, once the confirmation box was ticked. */
    @PostMapping("/workspaces/{slug}/files/{fileId}/purge")
    public String purge(Actor actor, @PathVariable String slug, @PathVariable String fileId,
                        @RequestParam long version, @RequestParam(defaultValue = "false") boolean confirm,
                        RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        FileAsset file = kit.files().get(actor, workspace.id(), FileId.of(fileId));
        if (!confirm) {
            redirect.addFlashAttribute("error", "Tick the box to confirm that " + file.name()
                    + " and all its versions are to be deleted for good.");
            return "redirect:/workspaces/" + workspace.slug() + "/files/" + fileId;
        }
        try {
            kit.files().purge(actor, workspace.id(), file.id(), version);
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/workspaces/" + workspace.slug() + "/files/" + fileId;
        }
        redirect.addFlashAttribute("notice", file.name() + " was deleted permanently.");
        return "redirect:" + filesUrl(workspace, file.folderId());
    }

    /** Asks the chosen members to approve the file's latest version. */
    @PostMapping("/workspaces/{slug}/files/{fileId}/approvals")
    public String requestApproval(Actor actor, @PathVariable String slug, @PathVariable String fileId,
                                  @RequestParam(defaultValue = "") String title,
                                  @RequestParam(defaultValue = "") String message,
                                  @RequestParam(required = false) List<String> approvers, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        FileAsset file = kit.files().get(actor, workspace.id(), FileId.of(fileId));
        try {
            NewApproval request = ApprovalsController.newApproval(title, message, approvers);
            ApprovalRequest created = kit.approvals().requestForFile(actor, workspace.id(), file.id(),
                    file.latestVersion(), request);
            redirect.addFlashAttribute("notice", "Asked for approval of version " + file.latestVersion() + ".");
            return "redirect:/workspaces/" + workspace.slug() + "/approvals/" + created.id().value();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The approval was not requested: " + reasons(e));
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:/workspaces/" + workspace.slug() + "/files/" + file.id().value() + "#request-approval";
    }

    // ---- helpers ----

    /** The folder if the user may see it, else the same "not found" as for an unknown id. */
    private Folder folder(Actor actor, Workspace workspace, FolderId id) {
        return kit.folders().get(actor, workspace.id(), id);
    }

    /** The folders from the top level down to {@code current}, for the breadcrumbs. */
    private List<FolderView> path(Actor actor, Workspace workspace, Optional<Folder> current) {
        List<FolderView> path = new ArrayList<>();
        Set<FolderId> seen = new LinkedHashSet<>();
        for (Optional<Folder> at = current; at.isPresent() && seen.add(at.get().id()) && path.size() < 32; ) {
            path.add(view(at.get()));
            at = at.get().parentId().map(p -> folder(actor, workspace, p));
        }
        Collections.reverse(path);
        return path;
    }

    /** Members who may decide on this file, as the kit judges them (only the team for an internal file). */
    private List<Option> approverOptions(Actor actor, Workspace workspace, FileAsset file) {
        return kit.approvals().eligibleApprovers(actor, workspace.id(), file.id()).stream()
                .map(m -> new Option(m.userId().value(), workspaces.nameOf(m.userId()) + " · " + Labels.role(m.role())))
                .toList();
    }

    static String filesUrl(Workspace workspace, Optional<FolderId> folder) {
        return "/workspaces/" + workspace.slug() + "/files" + folder.map(f -> "?folder=" + f.value()).orElse("");
    }

    static String reasons(ValidationException e) {
        return String.join("; ", e.fieldErrors().stream().map(f -> f.field() + " " + f.message()).toList());
    }

    private static FolderView view(Folder f) {
        return new FolderView(f.id().value(), f.name(), f.visibility() == Visibility.TEAM);
    }

    private static FileRow row(FileAsset f, Instant now) {
        return new FileRow(f.id().value(), f.name(), f.latestVersion(), f.visibility() == Visibility.TEAM,
                Labels.ago(f.updatedAt(), now), Labels.exact(f.updatedAt()));
    }

    private static VersionView view(FileVersion v, FileAsset file) {
        return new VersionView(v.number(), v.name(), Labels.size(v.size()), v.sha256(), v.detectedType(),
                v.uploadedBy().value(), Labels.exact(v.uploadedAt()), v.number() == file.latestVersion());
    }
}
