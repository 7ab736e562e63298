package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.workspace.Workspace;
import org.springframework.ui.Model;

import java.util.Optional;

/**
 * What the tabs of every workspace page show: how many files, how many approvals wait for the user, how
 * many messages the user has not read, how many requests are open and how many projects the user sees.
 */
final class WorkspaceTabs {

    private WorkspaceTabs() {
    }

    /**
     * What the header of every workspace page shows: the workspace, its display name and accent colour, the
     * user's role, and the tabs' counts ({@link #populate}).
     */
    static void header(WorkspaceKit kit, Actor actor, Workspace workspace, AccessGrant grant, Model model) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("displayName", WorkspaceController.displayName(workspace));
        model.addAttribute("accent", WorkspaceController.accent(workspace));
        model.addAttribute("yourRole", WorkspaceController.yourRole(grant));
        populate(kit, actor, workspace, model);
    }

    static void populate(WorkspaceKit kit, Actor actor, Workspace workspace, Model model) {
        model.addAttribute("fileCount", kit.files().count(actor, workspace.id()));
        model.addAttribute("waitingCount", kit.approvals()
                .list(actor, workspace.id(), Optional.of(ApprovalStatus.OPEN), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().filter(r -> waitsFor(kit, actor, r)).count());
        model.addAttribute("messageUnread", kit.conversations().unreadInWorkspace(actor, workspace.id()));
        model.addAttribute("openRequestCount", kit.requests()
                .list(actor, workspace.id(), RequestsController.OPEN, PageRequest.first(PageRequest.MAX_LIMIT)).items().size());
        // Projects and Calendar: shown when the kit provides them; the count is of the projects the user may see
        // (counted by the kit, so a client's count never includes internal projects).
        boolean projects = ProjectsController.available(kit);
        model.addAttribute("projectsAvailable", projects);
        model.addAttribute("projectCount", projects ? kit.projects().count(actor, workspace.id()) : 0L);
        model.addAttribute("calendarAvailable", CalendarController.available(kit));
        model.addAttribute("accountAvailable", AccountController.available(kit));
    }

    /** Whether the request waits for this user's decision: open, the user is an approver and may decide. */
    static boolean waitsFor(WorkspaceKit kit, Actor actor, ApprovalRequest request) {
        return request.status() == ApprovalStatus.OPEN && request.approvers().contains(actor.userId())
                && kit.authorizer().grant(actor, request.workspaceId()).allows(Permission.DECIDE_APPROVALS);
    }
}
