package io.clientworkspace.template;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.FolderId;
import io.clientworkspace.UserId;
import io.clientworkspace.file.Folder;
import io.clientworkspace.file.FolderService;
import io.clientworkspace.message.ConversationService;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.TaskService;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.request.FormService;
import io.clientworkspace.workspace.MemberService;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceService;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The steps of making a workspace from a template, each through another feature's service (never its stores), so
 * that each part is checked, logged and published as if made by hand. Runs inside the caller's unit of work.
 */
final class Steps {

    private final WorkspaceService workspaces;
    private final MemberService members;
    private final Optional<FolderService> folders;
    private final Optional<FormService> forms;
    private final Optional<ConversationService> conversations;
    private final Optional<ProjectService> projects;
    private final Optional<TaskService> tasks;

    Steps(WorkspaceService workspaces, MemberService members, Optional<FolderService> folders,
          Optional<FormService> forms, Optional<ConversationService> conversations, Optional<ProjectService> projects,
          Optional<TaskService> tasks) {
        this.workspaces = requireNonNull(workspaces, "workspaces must not be null");
        this.members = requireNonNull(members, "members must not be null");
        this.folders = requireNonNull(folders, "folders must not be null");
        this.forms = requireNonNull(forms, "forms must not be null");
        this.conversations = requireNonNull(conversations, "conversations must not be null");
        this.projects = requireNonNull(projects, "projects must not be null");
        this.tasks = requireNonNull(tasks, "tasks must not be null");
    }

    WorkspaceService workspaces() {
        return workspaces;
    }

    Optional<FormService> forms() {
        return forms;
    }

    /** Adds an error for every part of the content whose feature is unavailable on the kit's store set. */
    void checkParts(TemplateContent content, List<FieldError> errors) {
        unavailable(!content.folders().isEmpty() && folders.isEmpty(), "folders", "files", errors);
        unavailable(!content.projects().isEmpty() && (projects.isEmpty() || tasks.isEmpty()), "projects", "projects",
                errors);
        unavailable(!content.checklist().isEmpty() && tasks.isEmpty(), "checklist", "projects", errors);
        unavailable(!content.forms().isEmpty() && forms.isEmpty(), "forms", "requests", errors);
        unavailable(content.welcomeMessage().isPresent() && conversations.isEmpty(), "welcomeMessage",
                "conversations", errors);
    }

    /** The contract date needs the projects feature (the onboarding facts). */
    void checkContractDate(boolean given, List<FieldError> errors) {
        unavailable(given && projects.isEmpty(), "contractSignedAt", "projects", errors);
    }

    private static void unavailable(boolean missing, String field, String feature, List<FieldError> errors) {
        if (missing) {
            errors.add(FieldError.of(field, "the " + feature + " feature is unavailable on this kit's store set"));
        }
    }

    /** Makes every part of the content in the new workspace (its lead exists already). */
    void build(Actor actor, Workspace workspace, TemplateContent content, NewWorkspaceFromTemplate request) {
        UserId lead = content.lead().orElse(actor.userId());
        for (TeamMemberSpec member : content.team()) {
            if (!member.userId().equals(lead)) {
                members.add(actor, workspace.id(), member.userId(), member.role());
            }
        }
        makeFolders(actor, workspace, content.folders());
        LocalDate start = request.startDate();
        ProjectSteps.makeProjects(actor, workspace, content.projects(), start, lead, projects, tasks);
        ProjectSteps.makeChecklist(actor, workspace, content.checklist(), start, tasks);
        for (FormAssignmentSpec form : content.forms()) {
            forms.orElseThrow().assign(actor, workspace.id(), new FormRef(form.formId(), form.version()), form.title(),
                    form.dueOffsetDays().map(start::plusDays));
        }
        content.welcomeMessage().ifPresent(message -> {
            ConversationService service = conversations.orElseThrow();
            service.post(actor, workspace.id(), service.general(actor, workspace.id()).id(), NewMessage.of(message));
        });
        request.contractSignedAt().ifPresent(at -> ProjectSteps.recordContractSigned(actor, workspace, at, projects));
    }

    /** Folders, parents first (a parent path is always shorter than its children's). */
    private void makeFolders(Actor actor, Workspace workspace, List<FolderSpec> specs) {
        Map<String, FolderId> made = new HashMap<>();
        List<FolderSpec> parentsFirst = specs.stream()
                .sorted(Comparator.comparingInt(f -> f.path().split("/", -1).length)).toList();
        for (FolderSpec spec : parentsFirst) {
            int slash = spec.path().lastIndexOf('/');
            Optional<FolderId> parent = slash < 0 ? Optional.empty()
                    : Optional.of(requireNonNull(made.get(spec.path().substring(0, slash)), "parent folder"));
            String name = spec.path().substring(slash + 1);
            Folder folder = folders.orElseThrow().create(actor, workspace.id(), name, parent, spec.visibility());
            made.put(spec.path(), folder.id());
        }
    }
}
