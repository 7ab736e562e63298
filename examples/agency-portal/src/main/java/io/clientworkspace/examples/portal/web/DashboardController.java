package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardRow;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The operator's dashboard ({@code /dashboard}): one row per workspace the signed-in team user serves (tenant admins:
 * all), answering "which clients need me today?": filters (assigned to me, needs attention with its thresholds,
 * status, text on name, slug and CRM reference), a sort and its direction, and keyset pages ("Next page" follows the
 * kit's cursor). Everything shown is the kit's read model ({@code kit.dashboard()}); a page costs the kit a constant
 * number of queries whatever the number of workspaces. Clients get "not found", as for every team page.
 */
@Controller
public class DashboardController {

    /** Rows per page. */
    static final int PAGE_SIZE = 25;

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;
    private final Clock clock = Clock.systemUTC();

    public DashboardController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    @GetMapping("/dashboard")
    public String dashboard(Actor actor, @RequestParam(defaultValue = "false") boolean mine,
                            @RequestParam(defaultValue = "false") boolean attention,
                            @RequestParam(defaultValue = "" + DashboardQuery.DEFAULT_PENDING_APPROVAL_DAYS) int pendingDays,
                            @RequestParam(defaultValue = "" + DashboardQuery.DEFAULT_CLIENT_INACTIVE_DAYS) int inactiveDays,
                            @RequestParam(defaultValue = "ACTIVE") String status, @RequestParam(defaultValue = "") String q,
                            @RequestParam(defaultValue = "LAST_CLIENT_ACTIVITY") String sort,
                            @RequestParam(defaultValue = "ASCENDING") String dir,
                            @RequestParam(defaultValue = "") String after, Model model) {
        if (!actor.isTeam()) {
            throw new NotFoundException("page", "dashboard");
        }
        DashboardSort sortBy = parse(DashboardSort.class, sort, DashboardSort.LAST_CLIENT_ACTIVITY);
        SortDirection direction = parse(SortDirection.class, dir, SortDirection.ASCENDING);
        String statusName = status.equals("ANY") ? "ANY" : parse(WorkspaceStatus.class, status, WorkspaceStatus.ACTIVE).name();
        model.addAttribute("mine", mine);
        model.addAttribute("attention", attention);
        model.addAttribute("pendingDays", pendingDays);
        model.addAttribute("inactiveDays", inactiveDays);
        model.addAttribute("status", statusName);
        model.addAttribute("q", q);
        model.addAttribute("sort", sortBy.name());
        model.addAttribute("dir", direction.name());
        model.addAttribute("sorts", DashboardViews.sorts());
        model.addAttribute("directions", DashboardViews.directions());
        model.addAttribute("statuses", DashboardViews.statuses());
        model.addAttribute("rows", List.of());
        model.addAttribute("nextCursor", null);
        try {
            DashboardQuery.Builder builder = DashboardQuery.builder().assignedToMe(mine).needsAttention(attention)
                    .pendingApprovalDays(pendingDays).clientInactiveDays(inactiveDays)
                    .text(q.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(q.strip()))
                    .sort(sortBy).direction(direction);
            if (statusName.equals("ANY")) {
                builder.anyStatus();
            } else {
                builder.status(WorkspaceStatus.valueOf(statusName));
            }
            DashboardQuery query = builder.build();
            PageRequest page = after.isBlank() ? PageRequest.first(PAGE_SIZE) : PageRequest.after(after, PAGE_SIZE);
            Page<DashboardRow> found = kit.dashboard().page(actor, query, page);
            Instant now = clock.instant();
            model.addAttribute("rows", found.items().stream()
                    .map(r -> DashboardViews.row(r, query, now, workspaces::nameOf)).toList());
            model.addAttribute("nextCursor", found.nextCursor().orElse(null));
        } catch (ValidationException e) {
            // Bad filter input (or a cursor of another query) shows on the page, with the form as it was.
            model.addAttribute("error", "Some filters are not valid: " + FilesController.reasons(e));
        }
        return "dashboard";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
