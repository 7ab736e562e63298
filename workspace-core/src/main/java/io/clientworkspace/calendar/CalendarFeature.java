package io.clientworkspace.calendar;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.CalendarFeedTokenStore;
import io.clientworkspace.spi.ScheduledEventStore;

import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.TaskService;

import java.util.List;
import java.util.Optional;

/**
 * The workspace calendar ({@link CalendarService}): scheduled events, the agenda and the iCalendar feed with its
 * tokens. Builds on workspaces; shows the due dates of milestones and tasks when the projects feature (installed
 * before it) is available.
 */
public final class CalendarFeature implements Feature {

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ScheduledEventStore.class, CalendarFeedTokenStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(CalendarService.class);
    }

    @Override
    public List<String> requires() {
        return List.of("workspaces");
    }

    @Override
    public void install(FeatureContext ctx) {
        Optional<ProjectService> projects = ctx.findService(ProjectService.class);
        Optional<TaskService> tasks = ctx.findService(TaskService.class);
        DueDates dueDates = projects.isPresent() && tasks.isPresent()
                ? new ProjectDueDates(projects.get(), tasks.get(), ctx.authorizer()) : DueDates.NONE;
        ctx.provide(CalendarService.class, new CalendarService(ctx.kernel(), ctx.access(), dueDates));
    }
}
