package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.template.ChecklistItemSpec;
import io.clientworkspace.template.FolderSpec;
import io.clientworkspace.template.FormAssignmentSpec;
import io.clientworkspace.template.MilestoneSpec;
import io.clientworkspace.template.NewTemplate;
import io.clientworkspace.template.NewWorkspaceFromTemplate;
import io.clientworkspace.template.ProjectSpec;
import io.clientworkspace.template.TaskListSpec;
import io.clientworkspace.template.TaskSpec;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The demo's workspace template "Retainer onboarding" (folders Brand and Contracts for the client and Internal for
 * the team; the project "Monthly retainer" with milestones two weeks and a month after the start and a kick-off task
 * list; the client's onboarding checklist; the library's "Brand questionnaire" to fill in; a welcome message; Alice as
 * lead), and Initech made from it, as a host's CRM would when a contract is signed. Initech has no client users yet:
 * it is the place to try inviting someone. When the kit's store set provides no templates feature, Initech is made
 * by hand instead, as before.
 */
final class DemoTemplates {

    /** The template's name, as the demo and its tests know it. */
    static final String RETAINER = "Retainer onboarding";
    /** The template's key. */
    static final String RETAINER_KEY = "retainer-onboarding";
    /** The template's project. */
    static final String PROJECT = "Monthly retainer";
    /** The template's folders. */
    static final List<String> FOLDERS = List.of("Brand", "Contracts", "Internal");
    /** The onboarding checklist's items. */
    static final List<String> CHECKLIST = List.of("Upload your logo", "Fill in the brand questionnaire", "Invite your team");
    /** Initech's reference in the agency's CRM. */
    static final String INITECH_REF = "CRM-1003";

    private static final Logger log = LoggerFactory.getLogger(DemoTemplates.class);

    private DemoTemplates() {
    }

    static void seed(WorkspaceKit kit, Actor alice) {
        Branding initechBranding = Branding.none().withAccentColor("#6D28D9");
        if (kit.features().stream().noneMatch(f -> f.name().equals("templates") && f.available())) {
            log.warn("The kit's store set provides no templates feature: Initech is made without a template");
            kit.workspaces().create(alice, NewWorkspace.of("Initech", "initech").withBranding(initechBranding));
            return;
        }
        WorkspaceTemplate retainer = kit.templates().define(alice, new NewTemplate(RETAINER_KEY, RETAINER,
                content(kit, alice)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Workspace initech = kit.templates().createWorkspace(alice, retainer.id(), OptionalInt.empty(),
                new NewWorkspaceFromTemplate("Initech", "initech", INITECH_REF, today,
                        Optional.of(today.minusDays(2).atTime(15, 0).toInstant(ZoneOffset.UTC)), initechBranding))
                .workspace();
        log.info("Made workspace '{}' from the template '{}'", initech.slug(), RETAINER);
    }

    private static TemplateContent content(WorkspaceKit kit, Actor alice) {
        FormDefinition questionnaire = kit.forms().list(alice, Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().filter(f -> f.name().equals(DemoRequests.BRAND_QUESTIONNAIRE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the library form " + DemoRequests.BRAND_QUESTIONNAIRE
                        + " is made first"));
        ProjectSpec retainer = new ProjectSpec(PROJECT, "Design and content work, month by month: what we deliver, "
                + "when, and what we need from you.", Visibility.CLIENT, 0, Optional.of(30),
                List.of(new MilestoneSpec("First deliverables", 14, false),
                        new MilestoneSpec("Month one signed off", 30, true)),
                List.of(new TaskListSpec("Kick-off", Visibility.CLIENT, List.of(
                                new TaskSpec("Kick-off call", "Agree goals, contacts and the monthly rhythm.", TaskSide.TEAM,
                                        Optional.of(3), Visibility.CLIENT),
                                new TaskSpec("Share access to your website and social accounts", "", TaskSide.CLIENT,
                                        Optional.of(7), Visibility.CLIENT),
                                new TaskSpec("Send the first monthly plan", "", TaskSide.TEAM, Optional.of(10),
                                        Visibility.CLIENT))),
                        new TaskListSpec("Account setup", Visibility.TEAM, List.of(
                                new TaskSpec("Set up the retainer in the time tracker", "", TaskSide.TEAM, Optional.of(1),
                                        Visibility.TEAM)))));
        return TemplateContent.empty()
                .withFolders(List.of(new FolderSpec("Brand", Visibility.CLIENT), new FolderSpec("Contracts", Visibility.CLIENT),
                        new FolderSpec("Internal", Visibility.TEAM)))
                .withProjects(List.of(retainer))
                .withChecklist(List.of(
                        new ChecklistItemSpec(CHECKLIST.get(0), "The original files (SVG or EPS) if you have them.",
                                Optional.of(3)),
                        new ChecklistItemSpec(CHECKLIST.get(1), "On this workspace's home page.", Optional.of(7)),
                        new ChecklistItemSpec(CHECKLIST.get(2), "Whoever should see our work or approve it.",
                                Optional.of(7))))
                .withForms(List.of(new FormAssignmentSpec(questionnaire.id(), questionnaire.version(),
                        DemoRequests.BRAND_QUESTIONNAIRE, Optional.of(7))))
                .withWelcomeMessage("Welcome to your workspace! This is where we share files, plans and approvals. "
                        + "Start with the checklist on the home page: it takes about fifteen minutes.")
                .withLead(alice.userId());
    }
}
