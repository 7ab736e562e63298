package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskSide;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the Projects tab, the project page, the onboarding checklist and the calendar show: small read-only values
 * prepared by {@link ProjectsController} and {@link CalendarController}, and the labels they use. Everything a
 * client could see here comes from the kit's answers for that client: internal items never reach these values.
 */
public final class ProjectViews {

    /** "6 Dec 2026": dates people read (acknowledgements, deliveries, agenda days). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private ProjectViews() {
    }

    /** One project in the Projects tab. */
    public record ProjectRow(String id, String name, String health, String healthLabel, String healthSymbol,
                             String dates, String owner, boolean internal) {
    }

    /** One milestone of the timeline, with what the viewer may do about it. */
    public record MilestoneView(String id, String title, String due, boolean overdue, boolean delivered,
                                String deliveredText, boolean requiresApproval, @Nullable String approvalId,
                                @Nullable String approvalTitle, long version) {
    }

    /** One task list with its tasks (one page of them) and progress. */
    public record TaskListView(String id, String name, boolean internal, boolean onboarding, int done, int total,
                               List<TaskView> tasks, @Nullable String nextCursor) {
        /** "3 of 5 done". */
        public String progressText() {
            return progress(done, total);
        }
    }

    /**
     * One task: {@code canTick} when the viewer may tick or untick it (the check box is a button then), else the
     * check box is shown disabled; {@code canManage} for the team's controls (move up and down).
     */
    public record TaskView(String id, String title, String notes, String side, String assignee, String due,
                           boolean overdue, boolean done, String doneText, boolean internal, boolean canTick,
                           boolean canManage, long version, boolean first, boolean last) {
    }

    /** One status update of the feed, newest first, with who saw it. */
    public record StatusView(String id, String health, String healthLabel, String healthSymbol, String summary,
                             String done, String next, String risks, boolean internal, String author, String postedAt,
                             List<String> seenBy, boolean canAcknowledge, boolean acknowledgedByYou) {
    }

    /** One line of the onboarding facts (team only). */
    public record FactView(String id, String label, String value) {
    }

    /** One entry of the calendar list. */
    public record AgendaView(String id, String type, String typeLabel, String title, String day, String time,
                             boolean internal, boolean closed, @Nullable String href, boolean cancellable,
                             long version) {
    }

    /** How a health reads: a word, never colour alone. */
    public static String health(ProjectHealth health) {
        return switch (health) {
            case ON_TRACK -> "On track";
            case AT_RISK -> "At risk";
            case OFF_TRACK -> "Off track";
            case ON_HOLD -> "On hold";
            case COMPLETED -> "Completed";
        };
    }

    /** A symbol next to the health word, for a reader who cannot tell the badge colours apart. */
    public static String healthSymbol(ProjectHealth health) {
        return switch (health) {
            case ON_TRACK -> "●";
            case AT_RISK -> "▲";
            case OFF_TRACK -> "■";
            case ON_HOLD -> "❚❚";
            case COMPLETED -> "✓";
        };
    }

    /** "3 of 5 done". */
    public static String progress(int done, int total) {
        return done + " of " + total + " done";
    }

    /** "6 Dec 2026" (UTC). */
    public static String day(Instant at) {
        return DAY.format(at.atOffset(ZoneOffset.UTC));
    }

    /** "6 Dec 2026". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "09:00 UTC". */
    public static String time(Instant at) {
        return TIME.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** "seen by carol on 6 Dec 2026". */
    public static String seenBy(String name, Instant at) {
        return "seen by " + name + " on " + day(at);
    }

    /** "Start 1 Dec 2026 · target 31 Jan 2027", or "No dates set". */
    public static String dates(java.util.Optional<LocalDate> start, java.util.Optional<LocalDate> target) {
        if (start.isEmpty() && target.isEmpty()) {
            return "No dates set";
        }
        StringBuilder text = new StringBuilder();
        start.ifPresent(s -> text.append("Start ").append(day(s)));
        target.ifPresent(t -> text.append(text.isEmpty() ? "Target " : " · target ").append(day(t)));
        return text.toString();
    }

    /** A duration in whole days (and hours under two days): "21 days", "1 day 4 hours", "3 hours". */
    public static String duration(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        long days = d.toDays();
        long hours = d.minusDays(days).toHours();
        if (days >= 2) {
            return days + " days";
        }
        if (days == 1) {
            return hours == 0 ? "1 day" : "1 day " + hours + (hours == 1 ? " hour" : " hours");
        }
        return hours == 1 ? "1 hour" : hours + " hours";
    }

    /** "Team" or "Client": which side should act on a task. */
    public static String side(TaskSide side) {
        return side == TaskSide.TEAM ? "Team" : "Client";
    }

    /**
     * Whether the viewer may tick (or untick) the task, as the kit decides it: the team with
     * {@link Permission#MANAGE_PROJECTS} any task it sees; a client with {@link Permission#COMPLETE_TASKS} a
     * client-side task assigned to nobody or to them. Never in an archived workspace. The page only hides the
     * control; the kit refuses the rest (403, or 404 for a task the viewer may not see).
     */
    public static boolean canTick(Actor actor, AccessGrant grant, boolean archived, Task task) {
        if (archived) {
            return false;
        }
        if (actor.isTeam() && grant.allows(Permission.MANAGE_PROJECTS)) {
            return true;
        }
        return !actor.isTeam() && grant.allows(Permission.COMPLETE_TASKS) && task.side() == TaskSide.CLIENT
                && task.visibility() == Visibility.CLIENT
                && task.assignee().map(a -> a.equals(actor.userId())).orElse(true);
    }

    /** Whether a due date lies before today (the UTC date), for a task not done or a milestone not delivered. */
    public static boolean overdue(java.util.Optional<LocalDate> due, boolean closed, LocalDate today) {
        return !closed && due.map(d -> d.isBefore(today)).orElse(false);
    }

    /**
     * The activity line of a projects, tasks, onboarding or calendar entry ("ticked “Upload your logo”"), or empty
     * for other actions. Uses only the entry's details (ids, titles, dates: the kit never puts notes or summaries
     * there).
     */
    static Optional<String> activity(String action, Map<String, String> d) {
        String title = "“" + d.getOrDefault("title", "?") + "”";
        String name = "“" + d.getOrDefault("name", "?") + "”";
        return Optional.ofNullable(switch (action) {
            case "project.created" -> "created the project " + name;
            case "project.updated" -> "updated the project " + name;
            case "project.health-changed" -> "set " + name + " to " + healthName(d.getOrDefault("to", ""));
            case "milestone.added" -> "added the milestone " + title;
            case "milestone.updated" -> "updated the milestone " + title;
            case "milestone.delivered" -> "delivered the milestone " + title;
            case "milestone.undelivered" -> "marked the milestone " + title + " as not delivered";
            case "milestone.overdue" -> "noted that the milestone " + title + " is overdue";
            case "status-update.posted" -> "posted a status update (" + healthName(d.getOrDefault("health", "")) + ")";
            case "status-update.acknowledged" -> "acknowledged a status update";
            case "task-list.created" -> "created the task list " + name;
            case "task-list.renamed" -> "renamed a task list to " + name;
            case "task.added" -> "added the task " + title;
            case "task.updated" -> "updated the task " + title;
            case "task.assigned" -> "assigned the task " + title;
            case "task.completed" -> "ticked " + title;
            case "task.reopened" -> "reopened " + title;
            case "task.moved" -> "moved " + title;
            case "task.deleted" -> "deleted the task " + title;
            case "task.overdue" -> "noted that " + title + " is overdue";
            case "onboarding.checklist-completed" -> "completed the onboarding checklist";
            case "onboarding.contract-signed" -> "recorded the signed contract";
            case "onboarding.first-milestone-delivered" -> "delivered the first milestone";
            case "calendar.scheduled" -> "scheduled " + title;
            case "calendar.updated" -> "rescheduled " + title;
            case "calendar.cancelled" -> "cancelled " + title;
            default -> null;
        });
    }

    private static String healthName(String name) {
        try {
            return health(ProjectHealth.valueOf(name));
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
