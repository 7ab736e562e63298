package io.clientworkspace.examples.portal.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.AssignmentId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.web.RequestViews.AssignmentRow;
import io.clientworkspace.examples.portal.web.RequestViews.FormRow;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forms: the assignments of a workspace (the team asks the client to fill a form by a date; the client fills it in
 * as many sittings as it likes, saving drafts, and submits it once, which creates a request) and the tenant's form
 * library (every form with its versions; tenant admins define, revise and retire forms, written one field per line,
 * see {@link FormText}).
 */
@Controller
public class FormsController {

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;
    private final RequestsController requests;

    public FormsController(WorkspaceKit kit, WorkspaceController workspaces, RequestsController requests) {
        this.kit = kit;
        this.workspaces = workspaces;
        this.requests = requests;
    }

    /**
     * What the workspace home shows about forms: the open assignments ("Brand questionnaire — due ..."), whether the
     * user may fill them, and for the team the forms it may assign.
     */
    static void populateHome(WorkspaceKit kit, Actor actor, Workspace workspace, Model model) {
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        List<AssignmentRow> open = kit.forms().assignments(actor, workspace.id(), Optional.of(AssignmentStatus.OPEN),
                PageRequest.first(PageRequest.MAX_LIMIT)).items().stream().map(FormsController::row).toList();
        boolean canAssign = !workspace.isArchived() && grant.allows(Permission.MANAGE_REQUESTS);
        List<Option> forms = new ArrayList<>();
        if (canAssign) {
            kit.forms().list(actor, Optional.of(workspace.id()), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                    .filter(f -> f.status() == FormStatus.ACTIVE).forEach(f -> forms.add(new Option(f.id().value(), f.name())));
            if (kit.authorizer().tenantRole(actor).isPresent()) {
                kit.forms().list(actor, Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                        .filter(f -> f.status() == FormStatus.ACTIVE)
                        .forEach(f -> forms.add(new Option(f.id().value(), f.name())));
            }
        }
        model.addAttribute("openAssignments", open);
        model.addAttribute("canFill", !workspace.isArchived() && grant.allows(Permission.SUBMIT_REQUESTS));
        model.addAttribute("canAssignForms", canAssign && !forms.isEmpty());
        model.addAttribute("assignableForms", forms);
    }

    private static AssignmentRow row(FormAssignment a) {
        return new AssignmentRow(a.id().value(), a.title(), a.due().map(LocalDate::toString).orElse(""), a.status().name(),
                switch (a.status()) {
                    case OPEN -> "To fill in";
                    case SUBMITTED -> "Submitted";
                    case CANCELLED -> "Cancelled";
                }, a.request().map(r -> r.value()).orElse(null));
    }

    // ------------------------------------------------------------------------------------------ assignments

    @PostMapping("/workspaces/{slug}/assignments")
    public String assign(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String formId,
                         @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String due,
                         RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            Optional<LocalDate> date = due.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(due.strip()));
            FormId form = FormId.of(formId);
            String name = title.isBlank() ? kit.forms().latest(actor, form).name() : title;
            FormAssignment a = kit.forms().assign(actor, workspace.id(), form, name, date);
            redirect.addFlashAttribute("notice", "Asked the client to fill in “" + a.title() + "”"
                    + a.due().map(d -> " by " + d).orElse("") + ".");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "The form was not assigned: the due date must be a date (YYYY-MM-DD).");
        } catch (IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("error", "The form was not assigned: choose one of the forms offered.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The form was not assigned: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "#forms";
    }

    @GetMapping("/workspaces/{slug}/assignments/{assignmentId}")
    public String fill(Actor actor, @PathVariable String slug, @PathVariable String assignmentId, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        FormAssignment assignment = kit.forms().getAssignment(actor, workspace.id(), assignmentId(assignmentId));
        fillPage(actor, workspace, assignment, FormInputs.raw(assignment.draft()), Map.of(), model);
        return "assignment";
    }

    /** Saves a draft ({@code action=draft}) or submits ({@code action=submit}) the assignment. */
    @PostMapping("/workspaces/{slug}/assignments/{assignmentId}")
    public String save(Actor actor, @PathVariable String slug, @PathVariable String assignmentId,
                       @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        AssignmentId id = assignmentId(assignmentId);
        FormAssignment assignment = kit.forms().getAssignment(actor, workspace.id(), id);
        FormDefinition form = kit.forms().get(actor, workspace.id(), assignment.form().formId(), assignment.form().version());
        boolean draft = !"submit".equals(RequestsController.first(params, "action"));
        long version;
        try {
            version = Long.parseLong(RequestsController.first(params, "version"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        FormInputs.Parsed parsed = FormInputs.parse(form, params);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!parsed.errors().isEmpty()) {
            errors.putAll(FormInputs.allErrors(form, parsed, draft));
        } else {
            try {
                if (draft) {
                    FormAssignment saved = kit.forms().saveDraft(actor, workspace.id(), id, parsed.answers(), version);
                    redirect.addFlashAttribute("notice", "Draft saved. You can come back and finish “" + saved.title()
                            + "” later.");
                    return "redirect:/workspaces/" + workspace.slug() + "/assignments/" + assignmentId;
                }
                FormAssignment submitted = kit.forms().submitAssignment(actor, workspace.id(), id, parsed.answers(), version);
                redirect.addFlashAttribute("notice", "Thank you: “" + submitted.title() + "” was submitted.");
                return "redirect:/workspaces/" + workspace.slug() + "/requests/"
                        + submitted.request().map(r -> r.value()).orElse("");
            } catch (ValidationException e) {
                errors.putAll(FormInputs.errors(e.fieldErrors()));
            } catch (ConflictException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("error", (draft ? "The draft was not saved" : "The form was not submitted")
                    + ": please correct the fields marked below.");
        }
        fillPage(actor, workspace, kit.forms().getAssignment(actor, workspace.id(), id), parsed.raw(), errors, model);
        return "assignment";
    }

    @PostMapping("/workspaces/{slug}/assignments/{assignmentId}/cancel")
    public String cancel(Actor actor, @PathVariable String slug, @PathVariable String assignmentId,
                         @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            FormAssignment a = kit.forms().cancelAssignment(actor, workspace.id(), assignmentId(assignmentId), version);
            redirect.addFlashAttribute("notice", "“" + a.title() + "” was withdrawn.");
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "#forms";
    }

    private void fillPage(Actor actor, Workspace workspace, FormAssignment assignment, Map<String, List<String>> raw,
                          Map<String, String> errors, Model model) {
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        FormDefinition form = kit.forms().get(actor, workspace.id(), assignment.form().formId(), assignment.form().version());
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("assignment", row(assignment));
        model.addAttribute("assignmentVersion", assignment.version());
        model.addAttribute("formName", form.name() + " · version " + form.version());
        model.addAttribute("fields", FormInputs.inputs(form, raw, errors, requests.fileOptions(actor, workspace)));
        model.addAttribute("errors", errors);
        model.addAttribute("hasDraft", assignment.draft().size() > 0);
        model.addAttribute("canFill", assignment.status() == AssignmentStatus.OPEN && !workspace.isArchived()
                && grant.allows(Permission.SUBMIT_REQUESTS));
        model.addAttribute("canCancel", assignment.status() == AssignmentStatus.OPEN && !workspace.isArchived()
                && grant.allows(Permission.MANAGE_REQUESTS));
    }

    // ------------------------------------------------------------------------------------------ the library

    @GetMapping("/forms")
    public String library(Actor actor, Model model) {
        List<FormRow> rows = kit.forms().list(actor, Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                .stream().map(FormsController::formRow).toList();
        model.addAttribute("forms", rows);
        model.addAttribute("canEdit", tenantAdmin(actor));
        return "forms";
    }

    @GetMapping("/forms/new")
    public String newForm(Actor actor, Model model) {
        requireTenantAdmin(actor);
        editPage(null, "", "", FormText.format(List.of()), Map.of(), List.of(), model);
        return "form-edit";
    }

    @PostMapping("/forms")
    public String define(Actor actor, @RequestParam(defaultValue = "") String key,
                         @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String definition, Model model, RedirectAttributes redirect) {
        FormText.Parsed parsed = FormText.parse(definition);
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        if (errors.isEmpty()) {
            try {
                FormDefinition form = kit.forms().define(actor, Optional.empty(), new NewForm(key.strip(), name, parsed.fields()));
                redirect.addFlashAttribute("notice", "“" + form.name() + "” was added to the library.");
                return "redirect:/forms/" + form.id().value();
            } catch (ValidationException e) {
                errors.putAll(parsed.translate(e.fieldErrors()));
            } catch (ConflictException e) {
                errors.put("key", e.getMessage());
            }
        }
        model.addAttribute("error", "The form was not saved: please correct what is marked below.");
        editPage(null, key, name, definition, errors, List.of(), model);
        return "form-edit";
    }

    @GetMapping("/forms/{formId}")
    public String form(Actor actor, @PathVariable String formId, Model model) {
        FormDefinition latest = kit.forms().latest(actor, formId(formId));
        editPage(latest, latest.key(), latest.name(), FormText.format(latest.fields()), Map.of(),
                versions(actor, latest), model);
        model.addAttribute("canEdit", tenantAdmin(actor) && latest.workspaceId().isEmpty());
        return "form-edit";
    }

    @PostMapping("/forms/{formId}")
    public String revise(Actor actor, @PathVariable String formId, @RequestParam(defaultValue = "0") int version,
                         @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String definition, Model model, RedirectAttributes redirect) {
        FormDefinition latest = kit.forms().latest(actor, formId(formId));
        FormText.Parsed parsed = FormText.parse(definition);
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        if (errors.isEmpty()) {
            try {
                FormDefinition revised = kit.forms().revise(actor, latest.id(), version, name, parsed.fields());
                redirect.addFlashAttribute("notice", "Saved version " + revised.version() + " of “" + revised.name()
                        + "”. Answers already given stay bound to the version they were given for.");
                return "redirect:/forms/" + formId;
            } catch (ValidationException e) {
                errors.putAll(parsed.translate(e.fieldErrors()));
            } catch (ConflictException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        if (!model.containsAttribute("error")) {
            model.addAttribute("error", "The form was not saved: please correct what is marked below.");
        }
        editPage(latest, latest.key(), name, definition, errors, versions(actor, latest), model);
        model.addAttribute("canEdit", true);
        return "form-edit";
    }

    @PostMapping("/forms/{formId}/retire")
    public String retire(Actor actor, @PathVariable String formId, @RequestParam(defaultValue = "0") int version,
                         RedirectAttributes redirect) {
        try {
            FormDefinition retired = kit.forms().retire(actor, formId(formId), version);
            redirect.addFlashAttribute("notice", "“" + retired.name() + "” is retired: it can no longer be assigned or "
                    + "used for new requests.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/forms/" + formId;
    }

    private void editPage(@Nullable FormDefinition latest, String key, String name, String definition, Map<String, String> errors,
                          List<FormRow> versions, Model model) {
        model.addAttribute("form", latest);
        model.addAttribute("key", key);
        model.addAttribute("name", name);
        model.addAttribute("definition", definition);
        model.addAttribute("errors", errors);
        model.addAttribute("versions", versions);
        if (!model.containsAttribute("canEdit")) {
            model.addAttribute("canEdit", true);
        }
    }

    private List<FormRow> versions(Actor actor, FormDefinition latest) {
        List<FormRow> rows = new ArrayList<>(kit.forms().versions(actor, latest.id()).stream()
                .map(FormsController::formRow).toList());
        java.util.Collections.reverse(rows);
        return rows;
    }

    private static FormRow formRow(FormDefinition f) {
        return new FormRow(f.id().value(), f.key(), f.name(), f.version(), f.status().name(),
                f.workspaceId().isEmpty() ? "Library" : "Workspace", Labels.exact(f.createdAt()),
                (int) f.fields().stream().filter(x -> x.takesAnswer()).count());
    }

    private boolean tenantAdmin(Actor actor) {
        return kit.authorizer().tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
    }

    private void requireTenantAdmin(Actor actor) {
        if (!tenantAdmin(actor)) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), "define forms in the tenant's library");
        }
    }

    private static FormId formId(String value) {
        try {
            return FormId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("form", "?");
        }
    }

    private static AssignmentId assignmentId(String value) {
        try {
            return AssignmentId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("form assignment", "?");
        }
    }
}
