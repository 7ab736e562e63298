package io.clientworkspace.template;

import io.clientworkspace.UserId;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a workspace made from a template gets. Every date is an offset in days (0 to 3,650) from the start date
 * given when the workspace is made. {@link TemplateService} checks the whole content (every problem at once, as
 * {@link io.clientworkspace.FieldError}s with paths such as {@code projects[0].milestones[2].dueOffsetDays}) before
 * anything is stored.
 *
 * @param folders        at most 200 folders, parents listed before or after their children
 * @param projects       at most 20 projects, at most 100 milestones each and 1,000 tasks in all
 * @param forms          at most 20 library forms to assign
 * @param welcomeMessage when present, posted (client-visible) in the workspace's General conversation: 1 to 10,000
 *                       characters, no control characters but line breaks and tabs
 * @param team           at most 50 team members (team roles only, each user once)
 * @param lead           the workspace's first lead; the creating actor when empty
 * @param checklist      at most 100 items of the onboarding checklist
 */
public record TemplateContent(List<FolderSpec> folders, List<ProjectSpec> projects, List<FormAssignmentSpec> forms,
                              Optional<String> welcomeMessage, List<TeamMemberSpec> team, Optional<UserId> lead,
                              List<ChecklistItemSpec> checklist) {

    private static final TemplateContent EMPTY = new TemplateContent(List.of(), List.of(), List.of(), Optional.empty(),
            List.of(), Optional.empty(), List.of());

    public TemplateContent {
        folders = List.copyOf(requireNonNull(folders, "folders must not be null"));
        projects = List.copyOf(requireNonNull(projects, "projects must not be null"));
        forms = List.copyOf(requireNonNull(forms, "forms must not be null"));
        requireNonNull(welcomeMessage, "welcomeMessage must not be null");
        team = List.copyOf(requireNonNull(team, "team must not be null"));
        requireNonNull(lead, "lead must not be null");
        checklist = List.copyOf(requireNonNull(checklist, "checklist must not be null"));
    }

    /** A template that makes a bare workspace. */
    public static TemplateContent empty() {
        return EMPTY;
    }

    /** A copy with these folders. */
    public TemplateContent withFolders(List<FolderSpec> newFolders) {
        return new TemplateContent(newFolders, projects, forms, welcomeMessage, team, lead, checklist);
    }

    /** A copy with these projects. */
    public TemplateContent withProjects(List<ProjectSpec> newProjects) {
        return new TemplateContent(folders, newProjects, forms, welcomeMessage, team, lead, checklist);
    }

    /** A copy with these form assignments. */
    public TemplateContent withForms(List<FormAssignmentSpec> newForms) {
        return new TemplateContent(folders, projects, newForms, welcomeMessage, team, lead, checklist);
    }

    /** A copy with a welcome message. */
    public TemplateContent withWelcomeMessage(String message) {
        return new TemplateContent(folders, projects, forms, Optional.of(message), team, lead, checklist);
    }

    /** A copy with this default team. */
    public TemplateContent withTeam(List<TeamMemberSpec> newTeam) {
        return new TemplateContent(folders, projects, forms, welcomeMessage, newTeam, lead, checklist);
    }

    /** A copy with this first lead. */
    public TemplateContent withLead(UserId newLead) {
        return new TemplateContent(folders, projects, forms, welcomeMessage, team, Optional.of(newLead), checklist);
    }

    /** A copy with this onboarding checklist. */
    public TemplateContent withChecklist(List<ChecklistItemSpec> items) {
        return new TemplateContent(folders, projects, forms, welcomeMessage, team, lead, items);
    }
}
