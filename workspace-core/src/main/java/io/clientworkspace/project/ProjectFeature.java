package io.clientworkspace.project;

import io.clientworkspace.internal.Feature;
import io.clientworkspace.internal.FeatureContext;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.StatusUpdateStore;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;

import java.util.List;

/**
 * Projects ({@code projects}): projects, milestones, task lists and tasks, status updates, the onboarding checklist
 * and facts, the overdue sweep. Approvals are optional (without them, linking an approval is refused).
 */
public final class ProjectFeature implements Feature {

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public List<Class<?>> stores() {
        return List.of(ProjectStore.class, MilestoneStore.class, TaskListStore.class, TaskStore.class,
                StatusUpdateStore.class, OnboardingStore.class);
    }

    @Override
    public List<Class<?>> services() {
        return List.of(ProjectService.class, TaskService.class);
    }

    @Override
    public void install(FeatureContext ctx) {
        // approvals are optional: without them, linking an approval is refused and approval-gated milestones wait
        ctx.provide(ProjectService.class, new ProjectService(ctx.kernel(), ctx.access(),
                ctx.findService(io.clientworkspace.approval.ApprovalService.class),
                ctx.contributions(ProjectLifecycleHook.class)));
        ctx.provide(TaskService.class, new TaskService(ctx.kernel(), ctx.access(), ctx.authorizer(),
                ctx.contributions(ProjectLifecycleHook.class)));
    }
}
