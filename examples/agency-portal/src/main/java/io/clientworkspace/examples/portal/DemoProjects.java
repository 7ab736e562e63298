package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.NewScheduledEvent;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The demo's projects, onboarding and calendar on Acme: the project "Brand refresh" (at risk, owned by Bob) with three
 * milestones (the first delivered, the second waiting for the homepage mockup's approval), a task list with a task
 * for Bob, one for Carol ("Upload your logo"), one for whoever on the client side and one internal task no client
 * ever sees; a client-visible status update by Bob and an internal one; the onboarding checklist (one of three items
 * done, the contract signed three weeks ago, so that the team sees the time to onboard); and a maintenance window on
 * the calendar. Dates are relative to the day the portal starts. Skipped, with a log line, when the kit's store set
 * does not provide the projects (or the calendar) feature.
 */
final class DemoProjects {

    /** Acme's project. */
    static final String BRAND_REFRESH = "Brand refresh";
    /** Carol's task on it. */
    static final String CAROL_TASK = "Upload your logo";
    /** Bob's task on it (team side, visible to the client). */
    static final String BOB_TASK = "Prepare three logo variants";
    /** A client-side task assigned to nobody. */
    static final String CLIENT_TASK = "Send us the print supplier's paper specs";
    /** The team-only task: never on a client's page. */
    static final String INTERNAL_TASK = "Check margin on the print run";
    /** The summary of Bob's client-visible status update. */
    static final String CLIENT_STATUS = "The print run may slip by a week: the supplier is short on paper.";
    /** The summary of the internal status update. */
    static final String INTERNAL_STATUS = "Internal: if the supplier slips we pay the rush fee; margin check pending.";
    /** The delivered milestone. */
    static final String DELIVERED_MILESTONE = "Moodboard agreed";
    /** The milestone that needs the homepage mockup's approval. */
    static final String APPROVAL_MILESTONE = "Homepage design signed off";
    /** The onboarding checklist's items; the first is done. */
    static final String CHECKLIST_DONE = "Invite your team";
    static final String CHECKLIST_OPEN = "Fill in the brand questionnaire";
    static final String CHECKLIST_OPEN_2 = "Confirm your billing contact";
    /** The maintenance window on Acme's calendar. */
    static final String MAINTENANCE = "Website maintenance window";

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private DemoProjects() {
    }

    static void seed(WorkspaceKit kit, Actor bob, Actor carol, Workspace acme) {
        if (!available(kit, "projects")) {
            log.warn("The kit's store set provides no projects feature: the demo has no projects, tasks or checklist");
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Project brand = kit.projects().create(bob, acme.id(), new NewProject(BRAND_REFRESH,
                "A new logo, colours and print material for Acme's spring launch.", Visibility.CLIENT,
                Optional.of(today.minusDays(21)), Optional.of(today.plusDays(45)), bob.userId()));

        Milestone moodboard = kit.projects().addMilestone(bob, acme.id(), brand.id(),
                new NewMilestone(DELIVERED_MILESTONE, Optional.of(today.minusDays(7)), false));
        Milestone homepage = kit.projects().addMilestone(bob, acme.id(), brand.id(),
                new NewMilestone(APPROVAL_MILESTONE, Optional.of(today.plusDays(10)), true));
        kit.projects().addMilestone(bob, acme.id(), brand.id(),
                new NewMilestone("Print material delivered", Optional.of(today.plusDays(40)), false));
        kit.approvals().list(bob, acme.id(), Optional.of(ApprovalStatus.OPEN), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().map(ApprovalRequest::id)
                .filter(id -> kit.approvals().visibilityOf(bob, acme.id(), id).orElse(Visibility.TEAM)
                        == Visibility.CLIENT) // an internal approval cannot sign off a client-visible milestone
                .findFirst()
                .ifPresent(approval -> kit.projects().linkApproval(bob, acme.id(), homepage.id(), Optional.of(approval),
                        homepage.version()));

        TaskList tasks = kit.tasks().createList(bob, acme.id(), new NewTaskList(Optional.of(brand.id()), "Launch tasks",
                Visibility.CLIENT));
        kit.tasks().addTask(bob, acme.id(), tasks.id(), new NewTask(BOB_TASK, "Based on the agreed moodboard.",
                TaskSide.TEAM, Optional.of(bob.userId()), Optional.of(today.plusDays(3)), Visibility.CLIENT));
        kit.tasks().addTask(bob, acme.id(), tasks.id(), new NewTask(CAROL_TASK,
                "The original files (SVG or EPS) if you have them, else the largest PNG.", TaskSide.CLIENT,
                Optional.of(carol.userId()), Optional.of(today.plusDays(5)), Visibility.CLIENT));
        kit.tasks().addTask(bob, acme.id(), tasks.id(), new NewTask(CLIENT_TASK, "", TaskSide.CLIENT, Optional.empty(),
                Optional.of(today.plusDays(12)), Visibility.CLIENT));
        kit.tasks().addTask(bob, acme.id(), tasks.id(), new NewTask(INTERNAL_TASK,
                "Internal: the supplier's rush fee would eat most of the margin.", TaskSide.TEAM,
                Optional.of(bob.userId()), Optional.of(today.plusDays(2)), Visibility.TEAM));

        kit.projects().postStatus(bob, acme.id(), brand.id(), new NewStatusUpdate(ProjectHealth.AT_RISK, CLIENT_STATUS,
                "Moodboard agreed; homepage mockup sent for approval.",
                "Logo variants by the end of the week; the homepage once the mockup is approved.",
                "Paper shortage at the print supplier.", Visibility.CLIENT));
        kit.projects().postStatus(bob, acme.id(), brand.id(), new NewStatusUpdate(ProjectHealth.OFF_TRACK,
                INTERNAL_STATUS, "", "Ask the second supplier for a quote.", "Margin.", Visibility.TEAM));

        // Onboarding: the contract was signed three weeks ago; Carol has invited her team already.
        kit.projects().recordContractSigned(bob, acme.id(), Instant.now().minus(Duration.ofDays(21)));
        TaskList checklist = kit.tasks().onboardingChecklist(bob, acme.id());
        Task invite = kit.tasks().addTask(bob, acme.id(), checklist.id(), new NewTask(CHECKLIST_DONE,
                "Invite the colleagues who should follow the project.", TaskSide.CLIENT, Optional.empty(),
                Optional.of(today.minusDays(14)), Visibility.CLIENT));
        kit.tasks().addTask(bob, acme.id(), checklist.id(), new NewTask(CHECKLIST_OPEN, "", TaskSide.CLIENT,
                Optional.empty(), Optional.of(today.plusDays(7)), Visibility.CLIENT));
        kit.tasks().addTask(bob, acme.id(), checklist.id(), new NewTask(CHECKLIST_OPEN_2, "", TaskSide.CLIENT,
                Optional.empty(), Optional.empty(), Visibility.CLIENT));
        kit.tasks().complete(carol, acme.id(), invite.id(), invite.version());
        // The first delivered milestone: the onboarding fact the time to onboard is measured by.
        kit.projects().deliver(bob, acme.id(), moodboard.id(), moodboard.version());

        if (!available(kit, "calendar")) {
            log.warn("The kit's store set provides no calendar feature: the demo has no scheduled events");
            return;
        }
        LocalDate maintenanceDay = today.plusDays(6);
        kit.calendar().schedule(bob, acme.id(), NewScheduledEvent.of(EventKind.MAINTENANCE, MAINTENANCE,
                        maintenanceDay.atTime(LocalTime.of(22, 0)).toInstant(ZoneOffset.UTC),
                        maintenanceDay.atTime(LocalTime.of(23, 30)).toInstant(ZoneOffset.UTC))
                .withDescription("The website may be unavailable for up to 30 minutes while we update the server."));
        kit.calendar().schedule(bob, acme.id(), NewScheduledEvent.of(EventKind.REVIEW, "Internal review of the logo variants",
                today.plusDays(4).atTime(LocalTime.of(14, 0)).toInstant(ZoneOffset.UTC),
                today.plusDays(4).atTime(LocalTime.of(15, 0)).toInstant(ZoneOffset.UTC)).internal());
    }

    private static boolean available(WorkspaceKit kit, String feature) {
        return kit.features().stream().anyMatch(f -> f.name().equals(feature) && f.available());
    }
}
