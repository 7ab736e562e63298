package io.clientworkspace.examples.portal.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TemplateId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.template.CreatedWorkspace;
import io.clientworkspace.template.NewTemplate;
import io.clientworkspace.template.NewWorkspaceFromTemplate;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.TemplateStatus;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Workspace templates: the tenant's library of ready-made workspaces (every template with its versions; tenant admins
 * define, revise and retire them, written one part per line, see {@link TemplateText}) and "New workspace from
 * template" (name, slug, the CRM's external reference, start date and contract date; a retried submit with the same
 * reference lands on the workspace the first one made).
 */
@Controller
public class TemplatesController {

    /** A template in the library list: its latest version, and what it makes. */
    public record TemplateRow(String id, String key, String name, int version, boolean retired, String created,
                              String summary) {
    }

    private final WorkspaceKit kit;
    private final PortalUsers users;
    private final Clock clock;

    public TemplatesController(WorkspaceKit kit, PortalUsers users) {
        this.kit = kit;
        this.users = users;
        this.clock = Clock.systemUTC();
    }

    // ------------------------------------------------------------------------------------------ the library

    @GetMapping("/templates")
    public String library(Actor actor, Model model) {
        List<TemplateRow> rows = kit.templates().list(actor, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .map(TemplatesController::row).toList();
        model.addAttribute("templates", rows);
        model.addAttribute("canEdit", tenantAdmin(actor));
        return "templates";
    }

    @GetMapping("/templates/new")
    public String newTemplate(Actor actor, Model model) {
        requireTenantAdmin(actor, "define workspace templates");
        editPage(null, "", "", users.nameOf(actor.userId()), "", "",
                Map.of(), List.of(), model);
        return "template-edit";
    }

    @PostMapping("/templates")
    public String define(Actor actor, @RequestParam(defaultValue = "") String key,
                         @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String lead,
                         @RequestParam(defaultValue = "") String welcome,
                         @RequestParam(defaultValue = "") String definition, Model model, RedirectAttributes redirect) {
        requireTenantAdmin(actor, "define workspace templates");
        TemplateText.Parsed parsed = TemplateText.parse(definition, lead, welcome, directory(actor));
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        if (errors.isEmpty()) {
            try {
                WorkspaceTemplate template = kit.templates().define(actor, new NewTemplate(key.strip(), name,
                        parsed.content()));
                redirect.addFlashAttribute("notice", "“" + template.name() + "” was added to the templates.");
                return "redirect:/templates/" + template.id().value();
            } catch (ValidationException e) {
                errors.putAll(parsed.translate(e.fieldErrors()));
            } catch (ConflictException e) {
                if (e.reason() == ConflictException.Reason.ALREADY_EXISTS) {
                    errors.put("key", e.getMessage());
                } else {
                    model.addAttribute("error", e.getMessage());
                }
            }
        }
        if (!model.containsAttribute("error")) {
            model.addAttribute("error", "The template was not saved: please correct what is marked below.");
        }
        editPage(null, key, name, lead, welcome, definition, errors, List.of(), model);
        return "template-edit";
    }

    @GetMapping("/templates/{templateId}")
    public String template(Actor actor, @PathVariable String templateId, Model model) {
        WorkspaceTemplate latest = kit.templates().latest(actor, templateId(templateId));
        TemplateContent content = latest.content();
        editPage(latest, latest.key(), latest.name(), content.lead().map(users::nameOf).orElse(""),
                content.welcomeMessage().orElse(""), TemplateText.format(content, directory(actor)), Map.of(),
                versions(actor, latest), model);
        model.addAttribute("canEdit", tenantAdmin(actor) && latest.status() == TemplateStatus.ACTIVE);
        model.addAttribute("canCreate", tenantAdmin(actor) && latest.status() == TemplateStatus.ACTIVE);
        return "template-edit";
    }

    /** Saves the text as a new version; earlier versions, and the workspaces they made, stay as they are. */
    @PostMapping("/templates/{templateId}")
    public String revise(Actor actor, @PathVariable String templateId, @RequestParam(defaultValue = "0") int version,
                         @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String lead,
                         @RequestParam(defaultValue = "") String welcome,
                         @RequestParam(defaultValue = "") String definition, Model model, RedirectAttributes redirect) {
        WorkspaceTemplate latest = kit.templates().latest(actor, templateId(templateId));
        requireTenantAdmin(actor, "revise workspace templates");
        TemplateText.Parsed parsed = TemplateText.parse(definition, lead, welcome, directory(actor));
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        if (errors.isEmpty()) {
            try {
                WorkspaceTemplate revised = kit.templates().revise(actor, latest.id(), version, name, parsed.content());
                redirect.addFlashAttribute("notice", "Saved version " + revised.version() + " of “" + revised.name()
                        + "”. Workspaces made from earlier versions stay as they are.");
                return "redirect:/templates/" + templateId;
            } catch (ValidationException e) {
                errors.putAll(parsed.translate(e.fieldErrors()));
            } catch (ConflictException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        if (!model.containsAttribute("error")) {
            model.addAttribute("error", "The template was not saved: please correct what is marked below.");
        }
        editPage(latest, latest.key(), name, lead, welcome, definition, errors, versions(actor, latest), model);
        model.addAttribute("canEdit", true);
        model.addAttribute("canCreate", false);
        return "template-edit";
    }

    @PostMapping("/templates/{templateId}/retire")
    public String retire(Actor actor, @PathVariable String templateId, @RequestParam(defaultValue = "0") int version,
                         RedirectAttributes redirect) {
        try {
            WorkspaceTemplate retired = kit.templates().retire(actor, templateId(templateId), version);
            redirect.addFlashAttribute("notice", "“" + retired.name() + "” is retired: no new workspace can be made "
                    + "from it. The workspaces it made stay as they are.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/templates/" + templateId;
    }

    // ------------------------------------------------------------------------------------------ new workspace

    @GetMapping("/templates/{templateId}/new-workspace")
    public String newWorkspace(Actor actor, @PathVariable String templateId, Model model) {
        WorkspaceTemplate latest = kit.templates().latest(actor, templateId(templateId));
        requireTenantAdmin(actor, "create workspaces from templates");
        newWorkspacePage(latest, "", "", "", LocalDate.now(clock).toString(), "", Map.of(),
                model);
        return "template-new-workspace";
    }

    /**
     * Makes the workspace and goes to it. Idempotent by the external reference: a retried submit (a double click, a
     * reload) lands on the workspace the first one made, and nothing is made twice.
     */
    @PostMapping("/templates/{templateId}/new-workspace")
    public String createWorkspace(Actor actor, @PathVariable String templateId,
                                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
                                  @RequestParam(defaultValue = "") String externalRef,
                                  @RequestParam(defaultValue = "") String startDate,
                                  @RequestParam(defaultValue = "") String contractSigned, Model model,
                                  RedirectAttributes redirect) {
        WorkspaceTemplate latest = kit.templates().latest(actor, templateId(templateId));
        requireTenantAdmin(actor, "create workspaces from templates");
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<LocalDate> start = date(startDate, "startDate", true, errors);
        Optional<LocalDate> signed = date(contractSigned, "contractSignedAt", false, errors);
        if (errors.isEmpty()) {
            NewWorkspaceFromTemplate request = new NewWorkspaceFromTemplate(name, slug.strip(), externalRef.strip(),
                    start.orElseThrow(), signed.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()), Branding.none());
            try {
                CreatedWorkspace made = kit.templates().createWorkspace(actor, latest.id(), OptionalInt.empty(), request);
                redirect.addFlashAttribute("notice", made.created()
                        ? "“" + made.workspace().name() + "” was made from the template “" + latest.name() + "”."
                        : "A workspace was already made for the reference “" + externalRef.strip() + "”: here it is.");
                return "redirect:/workspaces/" + made.workspace().slug();
            } catch (ValidationException e) {
                for (FieldError f : e.fieldErrors()) {
                    errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b);
                }
            } catch (ConflictException e) {
                switch (e.reason()) {
                    case DUPLICATE_SLUG -> errors.put("slug", e.getMessage());
                    case DUPLICATE_EXTERNAL_REF -> errors.put("externalRef", e.getMessage());
                    default -> model.addAttribute("error", e.getMessage());
                }
            }
        }
        if (!model.containsAttribute("error")) {
            model.addAttribute("error", "The workspace was not made: please correct what is marked below.");
        }
        newWorkspacePage(latest, name, slug, externalRef, startDate, contractSigned, errors, model);
        return "template-new-workspace";
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void newWorkspacePage(WorkspaceTemplate template, String name, String slug, String externalRef,
                                  String startDate, String contractSigned, Map<String, String> errors, Model model) {
        model.addAttribute("template", row(template));
        model.addAttribute("name", name);
        model.addAttribute("slug", slug);
        model.addAttribute("externalRef", externalRef);
        model.addAttribute("startDate", startDate);
        model.addAttribute("contractSigned", contractSigned);
        model.addAttribute("errors", errors);
        List<String> other = new ArrayList<>();
        errors.forEach((field, message) -> {
            if (!List.of("name", "slug", "externalRef", "startDate", "contractSignedAt").contains(field)) {
                other.add(field + ": " + message);
            }
        });
        model.addAttribute("otherErrors", other);
        model.addAttribute("retired", template.status() == TemplateStatus.RETIRED);
    }

    private static Optional<LocalDate> date(String value, String field, boolean required, Map<String, String> errors) {
        if (value.isBlank()) {
            if (required) {
                errors.put(field, "must be a date (YYYY-MM-DD)");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date (YYYY-MM-DD)");
            return Optional.empty();
        }
    }

    private void editPage(@Nullable WorkspaceTemplate latest, String key, String name, String lead, String welcome,
                          String definition, Map<String, String> errors, List<TemplateRow> versions, Model model) {
        model.addAttribute("template", latest);
        model.addAttribute("key", key);
        model.addAttribute("name", name);
        model.addAttribute("lead", lead);
        model.addAttribute("welcome", welcome);
        model.addAttribute("definition", definition);
        model.addAttribute("errors", errors);
        model.addAttribute("versions", versions);
        if (!model.containsAttribute("canEdit")) {
            model.addAttribute("canEdit", true);
        }
        if (!model.containsAttribute("canCreate")) {
            model.addAttribute("canCreate", false);
        }
    }

    private List<TemplateRow> versions(Actor actor, WorkspaceTemplate latest) {
        List<TemplateRow> rows = new ArrayList<>(kit.templates().versions(actor, latest.id()).stream()
                .map(TemplatesController::row).toList());
        Collections.reverse(rows);
        return rows;
    }

    static TemplateRow row(WorkspaceTemplate t) {
        TemplateContent c = t.content();
        int tasks = c.projects().stream().mapToInt(p -> p.taskLists().stream().mapToInt(l -> l.tasks().size()).sum()).sum();
        String summary = count(c.folders().size(), "folder") + " · " + count(c.projects().size(), "project") + " · "
                + count(tasks, "task") + " · " + count(c.checklist().size(), "checklist item") + " · "
                + count(c.forms().size(), "form");
        return new TemplateRow(t.id().value(), t.key(), t.name(), t.version(), t.status() == TemplateStatus.RETIRED,
                Labels.exact(t.createdAt()), summary);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Names in the text: team members by login name (on the tenant's roster), library forms by key. */
    private TemplateText.Directory directory(Actor actor) {
        return new TemplateText.Directory() {
            @Override
            public Optional<UserId> teamMember(String name) {
                return users.idOf(name).filter(id -> kit.tenants().findTeamMember(actor, id).isPresent());
            }

            @Override
            public String nameOf(UserId id) {
                return users.nameOf(id);
            }

            @Override
            public Optional<TemplateText.FormRef> form(String key, OptionalInt version) {
                Optional<FormDefinition> latest = kit.forms().list(actor, Optional.empty(),
                                PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                        .filter(f -> f.key().equals(key)).findFirst();
                if (latest.isEmpty() || version.isEmpty()) {
                    return latest.map(f -> new TemplateText.FormRef(f.id(), f.version(), f.name()));
                }
                try {
                    FormDefinition exact = kit.forms().get(actor, latest.get().id(), version.getAsInt());
                    return Optional.of(new TemplateText.FormRef(exact.id(), exact.version(), exact.name()));
                } catch (NotFoundException e) {
                    return Optional.empty();
                }
            }

            @Override
            public String keyOf(FormId id) {
                try {
                    return kit.forms().latest(actor, id).key();
                } catch (NotFoundException e) {
                    return id.value();
                }
            }
        };
    }

    private boolean tenantAdmin(Actor actor) {
        return kit.authorizer().tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
    }

    private void requireTenantAdmin(Actor actor, String what) {
        if (!tenantAdmin(actor)) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), what);
        }
    }

    private static TemplateId templateId(String value) {
        try {
            return TemplateId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("template", "?");
        }
    }
}
