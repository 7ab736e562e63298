package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.insight.ClientTurnaround;
import io.clientworkspace.insight.ClientTurnaroundReport;
import io.clientworkspace.insight.InsightCsv;
import io.clientworkspace.insight.InsightReport;
import io.clientworkspace.insight.InsightService;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.workspace.Workspace;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Insights pages of the team: the tenant's weekly figures ({@code /insights}: weekly active client users,
 * approval turnaround, request first response and resolution, overdue rate, time to onboard, and each client's
 * approval turnaround) and one workspace's ({@code /workspaces/{slug}/insights}), each chart drawn on the server as
 * inline SVG with its data table beside it, and the same figures as CSV downloads. Who may read what is the kit's
 * decision: the tenant's figures are for tenant admins and account managers (others get the forbidden page), a
 * workspace's for its team members who may see its dashboard; clients get "not found" everywhere, as for any team
 * page.
 */
@Controller
public class InsightsController {

    /** The periods offered, in weeks. */
    static final List<Integer> PERIODS = List.of(4, 12, 26, 52);

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;

    public InsightsController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    /** Whether the kit's insights feature is available (its stores are provided). */
    static boolean available(WorkspaceKit kit) {
        return kit.features().stream().anyMatch(f -> f.name().equals("insights") && f.available());
    }

    @GetMapping("/insights")
    public String tenant(Actor actor, @RequestParam(defaultValue = "" + InsightService.DEFAULT_WEEKS) int weeks,
                         Model model) {
        requireTeam(actor);
        InsightReport report = kit.insights().tenantReport(actor, weeks);
        ClientTurnaroundReport clients = kit.insights().clientTurnaround(actor, weeks);
        model.addAttribute("charts", InsightViews.charts("tenant", report));
        model.addAttribute("onboarding", InsightViews.onboarding(report));
        model.addAttribute("clients", clients.clients().stream().map(this::client).toList());
        model.addAttribute("weeks", weeks);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", report.from().toString());
        model.addAttribute("to", report.to().toString());
        return "insights";
    }

    @GetMapping("/insights/report.csv")
    public ResponseEntity<String> tenantCsv(Actor actor,
                                            @RequestParam(defaultValue = "" + InsightService.DEFAULT_WEEKS) int weeks) {
        requireTeam(actor);
        return csv("insights-" + weeks + "-weeks.csv", InsightCsv.report(kit.insights().tenantReport(actor, weeks)));
    }

    @GetMapping("/insights/approval-turnaround.csv")
    public ResponseEntity<String> clientsCsv(Actor actor,
                                             @RequestParam(defaultValue = "" + InsightService.DEFAULT_WEEKS) int weeks) {
        requireTeam(actor);
        return csv("approval-turnaround-" + weeks + "-weeks.csv",
                InsightCsv.clientTurnaround(kit.insights().clientTurnaround(actor, weeks)));
    }

    @GetMapping("/workspaces/{slug}/insights")
    public String workspace(Actor actor, @PathVariable String slug,
                            @RequestParam(defaultValue = "" + InsightService.DEFAULT_WEEKS) int weeks, Model model) {
        requireTeam(actor);
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        InsightReport report = kit.insights().workspaceReport(actor, workspace.id(), weeks);
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("charts", InsightViews.charts("workspace", report));
        model.addAttribute("onboarding", InsightViews.onboarding(report));
        model.addAttribute("facts", report.facts().map(InsightViews::facts).orElse(List.of()));
        model.addAttribute("weeks", weeks);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", report.from().toString());
        model.addAttribute("to", report.to().toString());
        return "workspace-insights";
    }

    @GetMapping("/workspaces/{slug}/insights/report.csv")
    public ResponseEntity<String> workspaceCsv(Actor actor, @PathVariable String slug,
                                               @RequestParam(defaultValue = "" + InsightService.DEFAULT_WEEKS) int weeks) {
        requireTeam(actor);
        Workspace workspace = workspaces.visible(actor, slug);
        return csv(workspace.slug() + "-insights-" + weeks + "-weeks.csv",
                InsightCsv.report(kit.insights().workspaceReport(actor, workspace.id(), weeks)));
    }

    private ClientRow client(ClientTurnaround c) {
        return new ClientRow(workspaces.nameOf(c.userId()), c.turnaround().count(),
                c.turnaround().median().map(d -> InsightViews.hours(d.toSeconds() / 3600.0)).orElse("–"),
                c.turnaround().p90().map(d -> InsightViews.hours(d.toSeconds() / 3600.0)).orElse("–"));
    }

    /** One client user's approval turnaround across workspaces. */
    public record ClientRow(String name, long decisions, String median, String p90) {
    }

    /** Team pages: a client gets the same "not found" as for a page that does not exist. */
    private static void requireTeam(Actor actor) {
        if (!actor.isTeam()) {
            throw new NotFoundException("page", "insights");
        }
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
