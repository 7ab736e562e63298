package io.clientworkspace.examples.portal.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.audit.AuditFilter;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.handoff.HandoffPlan;
import io.clientworkspace.handoff.HandoffResult;
import io.clientworkspace.handoff.WorkspaceHandoff;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The operator's pages, for tenant admins (everyone else gets the 403 page): "Handoff" (choose who leaves and who
 * takes over, see everything that would move, confirm: one atomic handoff) and "Audit" (the tenant's activity across
 * workspaces by person, action, workspace and dates, with each entry's chain hash, and a CSV download).
 */
@Controller
public class OpsController {

    /** A person of the team roster in the pickers. */
    public record Person(String id, String name, String role) {
    }

    /** One workspace row of the handoff preview. */
    public record HandoffRow(String workspace, String slug, boolean lead, boolean joins, int tasks, int requests,
                             int projects) {
    }

    /** One row of the audit table. */
    public record AuditRow(String at, String workspace, long sequence, String actor, String action, String target,
                           String visibility, String details, String hash) {
    }

    private final WorkspaceKit kit;
    private final PortalUsers users;

    public OpsController(WorkspaceKit kit, PortalUsers users) {
        this.kit = kit;
        this.users = users;
    }

    // ------------------------------------------------------------------------------------------ handoff

    @GetMapping("/handoff")
    public String handoff(Actor actor, @RequestParam(defaultValue = "") String from,
                          @RequestParam(defaultValue = "") String to, Model model) {
        requireTenantAdmin(actor, "hand off accounts");
        model.addAttribute("people", roster(actor));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (!from.isBlank() && !to.isBlank()) {
            try {
                HandoffPlan plan = kit.handoffs().preview(actor, UserId.of(from), UserId.of(to));
                model.addAttribute("plan", plan);
                model.addAttribute("rows", plan.workspaces().stream().map(OpsController::row).toList());
                model.addAttribute("fromName", users.nameOf(plan.from()));
                model.addAttribute("toName", users.nameOf(plan.to()));
            } catch (ValidationException e) {
                model.addAttribute("error", e.fieldErrors().stream().map(f -> f.message())
                        .collect(Collectors.joining("; ")));
            }
        }
        return "handoff";
    }

    @PostMapping("/handoff")
    public String execute(Actor actor, @RequestParam(defaultValue = "") String from,
                          @RequestParam(defaultValue = "") String to,
                          @RequestParam(defaultValue = "") String fingerprint, RedirectAttributes redirect) {
        requireTenantAdmin(actor, "hand off accounts");
        try {
            HandoffResult result = kit.handoffs().execute(actor, UserId.of(from), UserId.of(to), fingerprint);
            HandoffPlan plan = result.plan();
            redirect.addFlashAttribute("notice", "Handed off from " + users.nameOf(plan.from()) + " to "
                    + users.nameOf(plan.to()) + ": " + plan.leadRoles() + " lead roles, " + plan.tasks() + " tasks, "
                    + plan.requests() + " requests and " + plan.projects() + " projects moved.");
        } catch (ConflictException | ValidationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("from", from);
        redirect.addAttribute("to", to);
        return "redirect:/handoff";
    }

    private static HandoffRow row(WorkspaceHandoff w) {
        return new HandoffRow(w.name(), w.slug(), w.lead(), w.joinsAsMember(), w.tasks().size(), w.requests().size(),
                w.projectsOwned().size());
    }

    private List<Person> roster(Actor actor) {
        List<Person> people = new ArrayList<>();
        for (TeamMember m : kit.tenants().team(actor, PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
            people.add(new Person(m.userId().value(), users.nameOf(m.userId()), m.role().name()));
        }
        return people;
    }

    // ------------------------------------------------------------------------------------------ audit

    @GetMapping("/audit")
    public String audit(Actor actor, @RequestParam(defaultValue = "") String person,
                        @RequestParam(defaultValue = "") String action,
                        @RequestParam(defaultValue = "") String workspace,
                        @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                        @RequestParam(required = false) String cursor, Model model) {
        requireTenantAdmin(actor, "read the audit log");
        model.addAllAttributes(Map.of("person", person, "action", action, "workspace", workspace, "from", from,
                "to", to));
        model.addAttribute("people", roster(actor));
        model.addAttribute("workspaces", kit.workspaces().list(actor, PageRequest.first(PageRequest.MAX_LIMIT)).items());
        try {
            AuditFilter filter = filter(actor, person, action, workspace, from, to);
            Page<ActivityEntry> page = kit.audit().search(actor, filter,
                    cursor == null || cursor.isBlank() ? PageRequest.first(50) : PageRequest.after(cursor, 50));
            Map<WorkspaceId, String> slugs = new java.util.HashMap<>();
            model.addAttribute("entries", page.items().stream().map(e -> auditRow(actor, e, slugs)).toList());
            model.addAttribute("nextCursor", page.nextCursor().orElse(null));
        } catch (ValidationException e) {
            model.addAttribute("entries", List.of());
            model.addAttribute("error", e.fieldErrors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; ")));
        }
        return "audit";
    }

    @GetMapping("/audit.csv")
    public void auditCsv(Actor actor, @RequestParam(defaultValue = "") String person,
                         @RequestParam(defaultValue = "") String action,
                         @RequestParam(defaultValue = "") String workspace,
                         @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                         HttpServletResponse response) throws IOException {
        requireTenantAdmin(actor, "export the audit log");
        AuditFilter filter = filter(actor, person, action, workspace, from, to);
        filter.validate();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        kit.audit().export(actor, filter, out);
        out.flush();
    }

    private AuditFilter filter(Actor actor, String person, String action, String workspace, String from, String to) {
        Optional<WorkspaceId> ws = workspace.isBlank() ? Optional.empty()
                : kit.workspaces().findBySlug(actor, workspace.strip()).map(Workspace::id);
        if (!workspace.isBlank() && ws.isEmpty()) {
            throw new ValidationException(io.clientworkspace.FieldError.of("workspace", "no workspace '" + workspace + "'"));
        }
        return new AuditFilter(person.isBlank() ? Optional.empty() : Optional.of(UserId.of(person.strip())),
                action.isBlank() ? Optional.empty() : Optional.of(action.strip()), ws,
                date(from, "from").map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                date(to, "to").map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static Optional<LocalDate> date(String value, String field) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(io.clientworkspace.FieldError.of(field, "must be a date such as 2026-03-01"));
        }
    }

    private AuditRow auditRow(Actor actor, ActivityEntry e, Map<WorkspaceId, String> slugs) {
        String slug = slugs.computeIfAbsent(e.workspaceId(), id -> kit.workspaces().find(actor, id)
                .map(Workspace::slug).orElse(id.value()));
        return new AuditRow(e.occurredAt().toString().replace('T', ' ').replace("Z", " UTC"), slug, e.sequence(),
                users.nameOf(e.actorId()) + (e.actorKind().name().equals("CLIENT") ? " (client)" : ""), e.action(),
                e.targetType() + " " + e.targetId(), e.visibility().name(),
                e.details().entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
                        .collect(Collectors.joining(", ")), e.hash());
    }

    private void requireTenantAdmin(Actor actor, String what) {
        if (kit.authorizer().tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), what);
        }
    }
}
