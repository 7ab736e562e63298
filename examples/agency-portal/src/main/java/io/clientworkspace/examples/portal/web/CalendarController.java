package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TaskId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.Agenda;
import io.clientworkspace.calendar.AgendaEntry;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.IssuedFeedToken;
import io.clientworkspace.calendar.NewScheduledEvent;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.examples.portal.PortalTenant;
import io.clientworkspace.examples.portal.web.ProjectViews.AgendaView;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.workspace.Workspace;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Calendar of a workspace: what is coming up (scheduled events such as maintenance windows, and the due dates
 * of the milestones and tasks the user may see, from the kit's agenda), the team's form to schedule an event and to
 * cancel one, and the iCalendar ({@code .ics}, RFC 5545) feed: a download for the signed-in user and a
 * subscription address with a personal feed token that calendar applications poll without signing in
 * ({@code /calendar-feeds/{token}.ics}; the token is shown once, when it is issued).
 */
@Controller
public class CalendarController {

    /** How many days back and ahead the calendar page shows. */
    static final int DAYS_BACK = 7;
    static final int DAYS_AHEAD = 120;
    private static final String ICS = "text/calendar; charset=utf-8";

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;
    private final PortalTenant tenant;
    private final Clock clock = Clock.systemUTC();

    public CalendarController(WorkspaceKit kit, WorkspaceController workspaces, PortalTenant tenant) {
        this.kit = kit;
        this.workspaces = workspaces;
        this.tenant = tenant;
    }

    /** Whether the kit's calendar feature is available (its stores are provided). */
    static boolean available(WorkspaceKit kit) {
        return kit.features().stream().anyMatch(f -> f.name().equals("calendar") && f.available());
    }

    @GetMapping("/workspaces/{slug}/calendar")
    public String calendar(Actor actor, @PathVariable String slug, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = today.minusDays(DAYS_BACK);
        LocalDate to = today.plusDays(DAYS_AHEAD);
        Agenda agenda = kit.calendar().agenda(actor, workspace.id(), from, to);
        boolean manage = !workspace.isArchived() && grant.allows(Permission.MANAGE_PROJECTS);
        Map<String, Long> versions = new HashMap<>();
        if (manage) {
            kit.calendar().events(actor, workspace.id(), from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            to.atStartOfDay(ZoneOffset.UTC).toInstant(), PageRequest.first(PageRequest.MAX_LIMIT))
                    .items().forEach(e -> versions.put(e.id().value(), e.version()));
        }
        Map<String, Optional<String>> projectOfList = new HashMap<>();
        List<AgendaView> entries = new ArrayList<>();
        for (AgendaEntry e : agenda.entries()) {
            entries.add(new AgendaView(e.itemId(), e.type().name(), type(e), e.title(), ProjectViews.day(e.date()),
                    e.start().map(s -> ProjectViews.time(s) + e.end().map(end -> " – " + ProjectViews.time(end)).orElse(""))
                            .orElse("all day"),
                    e.visibility() == Visibility.TEAM, e.closed(), href(actor, workspace, e, projectOfList),
                    manage && e.type() == AgendaEntry.Type.EVENT && !e.closed() && versions.containsKey(e.itemId()),
                    versions.getOrDefault(e.itemId(), -1L)));
        }
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("entries", entries);
        model.addAttribute("truncated", agenda.truncated());
        model.addAttribute("rangeText", ProjectViews.day(from) + " – " + ProjectViews.day(to));
        model.addAttribute("canManage", manage);
        model.addAttribute("canSubscribe", !workspace.isArchived());
        model.addAttribute("kinds", Arrays.stream(EventKind.values()).map(k -> new Option(k.name(), kind(k))).toList());
        model.addAttribute("today", today.toString());
        return "calendar";
    }

    @PostMapping("/workspaces/{slug}/calendar/events")
    public String schedule(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "OTHER") String kind,
                           @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String date,
                           @RequestParam(defaultValue = "") String startTime,
                           @RequestParam(defaultValue = "") String endTime,
                           @RequestParam(defaultValue = "") String location,
                           @RequestParam(defaultValue = "") String description,
                           @RequestParam(defaultValue = "CLIENT") String visibility, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            LocalDate day = ProjectsController.date(date)
                    .orElseThrow(() -> new ValidationException(FieldError.of("date", "is required")));
            LocalTime start = time("startTime", startTime);
            LocalTime end = time("endTime", endTime);
            ScheduledEvent created = kit.calendar().schedule(actor, workspace.id(), new NewScheduledEvent(kind(kind),
                    title, description, location.isBlank() ? Optional.empty() : Optional.of(location),
                    day.atTime(start).toInstant(ZoneOffset.UTC),
                    (end.isAfter(start) ? day : day.plusDays(1)).atTime(end).toInstant(ZoneOffset.UTC),
                    ProjectsController.visibility(visibility)));
            redirect.addFlashAttribute("notice", "“" + created.title() + "” is on the calendar.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Nothing was scheduled: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/calendar";
    }

    @PostMapping("/workspaces/{slug}/calendar/events/{eventId}/cancel")
    public String cancel(Actor actor, @PathVariable String slug, @PathVariable String eventId,
                         @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            ScheduledEvent cancelled = kit.calendar().cancel(actor, workspace.id(), eventId(eventId), version);
            redirect.addFlashAttribute("notice", "“" + cancelled.title() + "” was cancelled.");
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/calendar";
    }

    /**
     * Issues the signed-in user a personal subscription address and shows it once: calendar applications cannot
     * sign in, so the address carries a secret token. At most three of one user and workspace are live; a fourth
     * revokes the oldest.
     */
    @PostMapping("/workspaces/{slug}/calendar/feed-token")
    public String subscribe(Actor actor, @PathVariable String slug, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            IssuedFeedToken issued = kit.calendar().issueFeedToken(actor, workspace.id());
            redirect.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/calendar-feeds/" + issued.token() + ".ics").build().toUriString());
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/calendar#subscribe";
    }

    /** The signed-in user's feed of the workspace as a download. */
    @GetMapping("/workspaces/{slug}/calendar.ics")
    public void download(Actor actor, @PathVariable String slug, HttpServletResponse response) throws IOException {
        Workspace workspace = workspaces.visible(actor, slug);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        kit.calendar().feed(actor, workspace.id(), out);
        response.setContentType(ICS);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + workspace.slug() + ".ics\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write(out.toByteArray());
    }

    /**
     * The subscription feed of a token, for calendar applications (no sign-in: the token is the credential). Any
     * token that opens nothing (malformed, unknown, revoked, its member removed) gets the same plain 404.
     */
    @GetMapping("/calendar-feeds/{token}.ics")
    public void feed(@PathVariable String token, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            kit.calendar().feedByToken(tenant.id(), token, out);
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType("text/plain; charset=utf-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.getWriter().write("No such calendar feed.\n");
            return;
        }
        response.setContentType(ICS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write(out.toByteArray());
    }

    // ------------------------------------------------------------------------------------------ shared

    private @Nullable String href(Actor actor, Workspace workspace, AgendaEntry e,
                                  Map<String, Optional<String>> projectOfList) {
        String base = "/workspaces/" + workspace.slug() + "/projects/";
        try {
            return switch (e.type()) {
                case EVENT -> null;
                case MILESTONE -> kit.projects().findMilestone(actor, workspace.id(), MilestoneId.of(e.itemId()))
                        .map(m -> base + m.projectId().value() + "#milestones").orElse(null);
                case TASK -> kit.tasks().find(actor, workspace.id(), TaskId.of(e.itemId()))
                        .flatMap(t -> projectOfList.computeIfAbsent(t.listId().value(), l -> kit.tasks()
                                .findList(actor, workspace.id(), t.listId()).flatMap(list -> list.projectId())
                                .map(p -> base + p.value())))
                        .orElse("/workspaces/" + workspace.slug() + "#onboarding");
            };
        } catch (IllegalArgumentException ignored) {
            return null;
        }
    }

    private static String type(AgendaEntry e) {
        return switch (e.type()) {
            case EVENT -> "Event";
            case MILESTONE -> "Milestone due";
            case TASK -> "Task due";
        };
    }

    static String kind(EventKind kind) {
        return switch (kind) {
            case MAINTENANCE -> "Maintenance window";
            case REVIEW -> "Review";
            case MEETING -> "Meeting";
            case RELEASE -> "Release";
            case OTHER -> "Other";
        };
    }

    private static EventKind kind(String value) {
        try {
            return EventKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("kind", "choose one of the kinds offered"));
        }
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(FieldError.of(field, "must be a time (HH:MM, UTC)"));
        }
    }

    private static ScheduledEventId eventId(String value) {
        try {
            return ScheduledEventId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("scheduled-event", "?");
        }
    }
}
