package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.insight.InsightCsv;
import io.clientworkspace.insight.InsightService;
import io.clientworkspace.spring.web.InsightDtos.ClientTurnaroundReportDto;
import io.clientworkspace.spring.web.InsightDtos.InsightReportDto;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Engagement insights as JSON or CSV: the tenant's weekly report (weekly active client users, approval turnaround,
 * request first response and resolution, overdue rate, time-to-onboard), one workspace's report, and approval
 * turnaround per client user. CSV is served for {@code Accept: text/csv} or at the {@code .csv} twin of each path
 * (RFC 4180, cells guarded against spreadsheet formulas, as an attachment). Tenant reports are for tenant admins and
 * account managers (403 for anyone else); a workspace's report for its team with VIEW_DASHBOARD (a client gets 404,
 * like for a workspace that does not exist). {@code weeks} is 1 to 52, default 12.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class InsightApiController implements KitController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final WorkspaceKit kit;

    public InsightApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The tenant's report as JSON, or CSV for {@code Accept: text/csv}. */
    @Operation(summary = "The tenant's weekly insights (?weeks=, JSON or Accept: text/csv; tenant admins, account managers)")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = InsightReportDto.class)),
            @Content(mediaType = "text/csv")})
    @GetMapping("/insights")
    public ResponseEntity<?> tenantReport(Actor actor, @RequestParam(defaultValue = "12") int weeks,
                                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        var report = kit.insights().tenantReport(actor, weeks);
        return wantsCsv(accept) ? csv("insights.csv", InsightCsv.report(report))
                : ResponseEntity.ok(InsightReportDto.of(report));
    }

    /** The tenant's report as CSV. */
    @Operation(summary = "The tenant's weekly insights as CSV (?weeks=)")
    @GetMapping("/insights.csv")
    public ResponseEntity<String> tenantReportCsv(Actor actor, @RequestParam(defaultValue = "12") int weeks) {
        return csv("insights.csv", InsightCsv.report(kit.insights().tenantReport(actor, weeks)));
    }

    /** Approval turnaround per client user across the tenant's workspaces, as JSON or CSV. */
    @Operation(summary = "Approval turnaround per client user across workspaces (?weeks=, JSON or Accept: text/csv)")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ClientTurnaroundReportDto.class)),
            @Content(mediaType = "text/csv")})
    @GetMapping("/insights/approval-turnaround")
    public ResponseEntity<?> clientTurnaround(Actor actor, @RequestParam(defaultValue = "12") int weeks,
                                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        var report = kit.insights().clientTurnaround(actor, weeks);
        return wantsCsv(accept) ? csv("approval-turnaround.csv", InsightCsv.clientTurnaround(report))
                : ResponseEntity.ok(ClientTurnaroundReportDto.of(report));
    }

    /** Approval turnaround per client user as CSV. */
    @Operation(summary = "Approval turnaround per client user as CSV (?weeks=)")
    @GetMapping("/insights/approval-turnaround.csv")
    public ResponseEntity<String> clientTurnaroundCsv(Actor actor, @RequestParam(defaultValue = "12") int weeks) {
        return csv("approval-turnaround.csv", InsightCsv.clientTurnaround(kit.insights().clientTurnaround(actor, weeks)));
    }

    /** One workspace's report (with its onboarding facts), as JSON or CSV. */
    @Operation(summary = "A workspace's weekly insights (?weeks=, JSON or Accept: text/csv; team with VIEW_DASHBOARD)")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = InsightReportDto.class)),
            @Content(mediaType = "text/csv")})
    @GetMapping("/workspaces/{workspaceId}/insights")
    public ResponseEntity<?> workspaceReport(Actor actor, @PathVariable String workspaceId,
                                             @RequestParam(defaultValue = "12") int weeks,
                                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        var report = kit.insights().workspaceReport(actor, WorkspaceId.of(workspaceId), weeks);
        return wantsCsv(accept) ? csv("workspace-insights.csv", InsightCsv.report(report))
                : ResponseEntity.ok(InsightReportDto.of(report));
    }

    /** One workspace's report as CSV. */
    @Operation(summary = "A workspace's weekly insights as CSV (?weeks=)")
    @GetMapping("/workspaces/{workspaceId}/insights.csv")
    public ResponseEntity<String> workspaceReportCsv(Actor actor, @PathVariable String workspaceId,
                                                     @RequestParam(defaultValue = "12") int weeks) {
        return csv("workspace-insights.csv",
                InsightCsv.report(kit.insights().workspaceReport(actor, WorkspaceId.of(workspaceId), weeks)));
    }

    /**
     * Whether the Accept header prefers CSV: {@code text/csv} is listed with a quality at least that of every JSON
     * type listed (a header without CSV, or none, answers JSON).
     */
    static boolean wantsCsv(@Nullable String accept) {
        if (accept == null || accept.isBlank() || accept.length() > 1_000) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false;
        }
        double csv = -1;
        double json = -1;
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                continue;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                csv = Math.max(csv, type.getQualityValue());
            } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return csv > 0 && csv >= json;
    }

    static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
