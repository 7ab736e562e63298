package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskSide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectViewsTest {

    private static final TenantId TENANT = TenantId.of("t-1");
    private static final Actor CAROL = Actor.client(TENANT, "carol");
    private static final Actor DAVE = Actor.client(TENANT, "dave");
    private static final Actor BOB = Actor.team(TENANT, "bob");
    private static final AccessGrant CONTRIBUTOR = grant(WorkspaceRole.CLIENT_ADMIN, Permission.VIEW_WORKSPACE,
            Permission.COMPLETE_TASKS);
    private static final AccessGrant VIEWER = grant(WorkspaceRole.CLIENT_VIEWER, Permission.VIEW_WORKSPACE);
    private static final AccessGrant MEMBER = grant(WorkspaceRole.MEMBER, Permission.VIEW_WORKSPACE,
            Permission.VIEW_INTERNAL, Permission.MANAGE_PROJECTS);
    private static final Instant AT = Instant.parse("2026-12-06T10:15:00Z");

    @Test
    void everyHealthReadsAsAWordAndASymbolOfItsOwn() {
        assertThat(EnumSet.allOf(ProjectHealth.class)).extracting(ProjectViews::health).doesNotHaveDuplicates()
                .contains("On track", "At risk", "Off track", "On hold", "Completed");
        assertThat(EnumSet.allOf(ProjectHealth.class)).extracting(ProjectViews::healthSymbol).doesNotHaveDuplicates();
    }

    @Test
    void anAcknowledgementReadsAsSeenByWhomOnWhichDay() {
        assertThat(ProjectViews.seenBy("carol", AT)).isEqualTo("seen by carol on 6 Dec 2026");
    }

    @Test
    void progressReadsAsDoneOfTotal() {
        assertThat(ProjectViews.progress(3, 5)).isEqualTo("3 of 5 done");
    }

    @Test
    void durationsReadInDaysAndHours() {
        assertThat(ProjectViews.duration(Duration.ofDays(21).plusHours(3))).isEqualTo("21 days");
        assertThat(ProjectViews.duration(Duration.ofHours(28))).isEqualTo("1 day 4 hours");
        assertThat(ProjectViews.duration(Duration.ofHours(3))).isEqualTo("3 hours");
        assertThat(ProjectViews.duration(Duration.ofHours(-3))).isEqualTo("0 hours");
    }

    @Test
    void projectDatesNameWhatIsSet() {
        LocalDate start = LocalDate.of(2026, 12, 1);
        LocalDate target = LocalDate.of(2027, 1, 31);
        assertThat(ProjectViews.dates(Optional.of(start), Optional.of(target))).isEqualTo("Start 1 Dec 2026 · target 31 Jan 2027");
        assertThat(ProjectViews.dates(Optional.empty(), Optional.of(target))).isEqualTo("Target 31 Jan 2027");
        assertThat(ProjectViews.dates(Optional.empty(), Optional.empty())).isEqualTo("No dates set");
    }

    @Test
    void aClientWhoMayCompleteTasksTicksClientSideTasksAssignedToThemOrToNobody() {
        assertThat(ProjectViews.canTick(CAROL, CONTRIBUTOR, false, task(TaskSide.CLIENT, Optional.of("carol")))).isTrue();
        assertThat(ProjectViews.canTick(CAROL, CONTRIBUTOR, false, task(TaskSide.CLIENT, Optional.empty()))).isTrue();
        assertThat(ProjectViews.canTick(CAROL, CONTRIBUTOR, false, task(TaskSide.CLIENT, Optional.of("dave")))).isFalse();
        assertThat(ProjectViews.canTick(CAROL, CONTRIBUTOR, false, task(TaskSide.TEAM, Optional.of("bob")))).isFalse();
    }

    @Test
    void aViewerSeesTasksButTicksNone() {
        assertThat(ProjectViews.canTick(DAVE, VIEWER, false, task(TaskSide.CLIENT, Optional.empty()))).isFalse();
        assertThat(ProjectViews.canTick(DAVE, VIEWER, false, task(TaskSide.CLIENT, Optional.of("dave")))).isFalse();
    }

    @Test
    void theTeamTicksAnyTaskItSeesButNothingInAnArchivedWorkspace() {
        assertThat(ProjectViews.canTick(BOB, MEMBER, false, task(TaskSide.CLIENT, Optional.of("carol")))).isTrue();
        assertThat(ProjectViews.canTick(BOB, MEMBER, true, task(TaskSide.TEAM, Optional.of("bob")))).isFalse();
        assertThat(ProjectViews.canTick(CAROL, CONTRIBUTOR, true, task(TaskSide.CLIENT, Optional.of("carol")))).isFalse();
    }

    @Test
    void onlyAnOpenItemWhoseDueDateHasPassedIsOverdue() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(ProjectViews.overdue(Optional.of(today.minusDays(1)), false, today)).isTrue();
        assertThat(ProjectViews.overdue(Optional.of(today), false, today)).isFalse();
        assertThat(ProjectViews.overdue(Optional.of(today.minusDays(1)), true, today)).isFalse();
        assertThat(ProjectViews.overdue(Optional.empty(), false, today)).isFalse();
    }

    @Test
    void projectActivityReadsAsASentenceWithTheTitleFromTheEntrysDetails() {
        assertThat(ProjectViews.activity("task.completed", java.util.Map.of("list", "tl-1", "title", "Upload your logo")))
                .contains("ticked “Upload your logo”");
        assertThat(ProjectViews.activity("project.health-changed", java.util.Map.of("name", "Brand refresh",
                "from", "ON_TRACK", "to", "AT_RISK"))).contains("set “Brand refresh” to At risk");
        assertThat(ProjectViews.activity("file.uploaded", java.util.Map.of())).isEmpty();
    }

    private static Task task(TaskSide side, Optional<String> assignee) {
        return new Task(TaskId.of("tk-1"), TENANT, WorkspaceId.of("ws-1"), TaskListId.of("tl-1"), "Upload your logo", "",
                side, assignee.map(UserId::of), Optional.empty(), Optional.empty(), Visibility.CLIENT, UserId.of("bob"),
                AT, AT, 0);
    }

    private static AccessGrant grant(WorkspaceRole role, Permission... permissions) {
        return new AccessGrant(Optional.empty(), Optional.of(role), Set.of(permissions));
    }
}
