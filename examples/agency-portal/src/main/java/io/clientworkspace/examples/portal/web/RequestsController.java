package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.RequestId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.examples.portal.web.RequestViews.HistoryView;
import io.clientworkspace.examples.portal.web.RequestViews.RequestRow;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.Priority;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Requests tab of a workspace (the client's requests with status, priority and due date), one request (its
 * details, the answers of its form read-only, its history from the activity record, and the team's controls: move
 * it along the workflow, decline with a reason, assign, set a due date; the client's: send it back to the team,
 * reopen), the "New request" page (free-form or through one of the workspace's forms, with field-level errors next
 * to each field after a failed submit, keeping the input) and the team's inbox across workspaces. Every decision is
 * the kit's: the pages only hide controls the kit would refuse.
 */
@Controller
public class RequestsController {

    static final Set<RequestStatus> OPEN = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS,
            RequestStatus.WAITING_ON_CLIENT);
    private static final int INBOX_PAGE = 25;
    private static final int HISTORY_SCAN = PageRequest.MAX_LIMIT;

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;
    private final Clock clock = Clock.systemUTC();

    public RequestsController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    // ------------------------------------------------------------------------------------------ the tab

    @GetMapping("/workspaces/{slug}/requests")
    public String list(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String after,
                       Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        PageRequest page = after.isBlank() ? PageRequest.first(PageRequest.DEFAULT_LIMIT)
                : PageRequest.after(after, PageRequest.DEFAULT_LIMIT);
        Page<ClientRequest> requests = kit.requests().list(actor, workspace.id(), Set.of(), page);
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("requests", rows(workspace, requests.items()));
        model.addAttribute("nextCursor", requests.nextCursor().orElse(null));
        model.addAttribute("canSubmit", !workspace.isArchived() && grant.allows(Permission.SUBMIT_REQUESTS));
        return "requests";
    }

    // ------------------------------------------------------------------------------------------ new request

    @GetMapping("/workspaces/{slug}/requests/new")
    public String newRequest(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String form,
                             Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        Optional<FormDefinition> chosen = form.isBlank() ? Optional.empty() : Optional.of(offered(actor, workspace, form));
        newRequestPage(actor, workspace, grant, chosen, chosen.map(FormDefinition::name).orElse(""), "",
                Priority.NORMAL.name(), Map.of(), Map.of(), model);
        return "request-new";
    }

    @PostMapping("/workspaces/{slug}/requests")
    public String submit(Actor actor, @PathVariable String slug, @RequestParam MultiValueMap<String, String> params,
                         Model model, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        String title = first(params, "title");
        String description = first(params, "description");
        String priorityName = first(params, "priority");
        String formId = first(params, "form");
        Optional<FormDefinition> form = Optional.empty();
        FormAnswers answers = FormAnswers.empty();
        Map<String, List<String>> raw = Map.of();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!formId.isBlank()) {
            int version = parseVersion(first(params, "formVersion"));
            form = Optional.of(kit.forms().get(actor, workspace.id(), FormId.of(formId), version));
            FormInputs.Parsed parsed = FormInputs.parse(form.get(), params);
            answers = parsed.answers();
            raw = parsed.raw();
            if (!parsed.errors().isEmpty()) {
                errors.putAll(FormInputs.allErrors(form.get(), parsed, false));
            }
        }
        List<String> chosenFiles = form.isPresent() ? List.of()
                : Optional.ofNullable(params.get("attachments")).orElse(List.of()).stream().filter(v -> !v.isBlank()).toList();
        List<FileId> attachments = new ArrayList<>();
        for (String file : chosenFiles) {
            try {
                attachments.add(FileId.of(file));
            } catch (IllegalArgumentException e) {
                errors.put("attachments", "no such file in this workspace");
            }
        }
        Priority priority;
        try {
            priority = Priority.valueOf(priorityName);
        } catch (IllegalArgumentException e) {
            priority = Priority.NORMAL;
            errors.put("priority", "choose one of the priorities offered");
        }
        if (errors.isEmpty()) {
            try {
                ClientRequest created = kit.requests().submit(actor, workspace.id(), new NewRequest(title, description,
                        priority, form.map(FormDefinition::ref), answers, attachments));
                redirect.addFlashAttribute("notice", "Your request “" + created.title() + "” was sent to the team.");
                return "redirect:/workspaces/" + workspace.slug() + "/requests/" + created.id().value();
            } catch (ValidationException e) {
                FormInputs.errors(e.fieldErrors()).forEach((field, why) -> errors.merge(
                        field.startsWith("attachments[") ? "attachments" : field, why, (a, b) -> a.equals(b) ? a : a + "; " + b));
            } catch (ConflictException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("error", "Your request was not sent: please correct the fields marked below.");
        }
        model.addAttribute("chosenFiles", chosenFiles);
        newRequestPage(actor, workspace, grant, form, title, description, priority.name(), raw, errors, model);
        return "request-new";
    }

    private void newRequestPage(Actor actor, Workspace workspace, AccessGrant grant, Optional<FormDefinition> form,
                                String title, String description, String priority, Map<String, List<String>> raw,
                                Map<String, String> errors, Model model) {
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("forms", offeredForms(actor, workspace).stream()
                .map(f -> new Option(f.id().value(), f.name())).toList());
        model.addAttribute("form", form.orElse(null));
        model.addAttribute("fields", form.map(f -> FormInputs.inputs(f, raw, errors, fileOptions(actor, workspace)))
                .orElse(List.of()));
        model.addAttribute("title", title);
        model.addAttribute("description", description);
        model.addAttribute("priority", priority);
        model.addAttribute("priorities", Arrays.stream(Priority.values()).map(p -> new Option(p.name(), priority(p))).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("canSubmit", !workspace.isArchived() && grant.allows(Permission.SUBMIT_REQUESTS));
        model.addAttribute("files", form.isEmpty() ? fileOptions(actor, workspace) : List.of());
        if (!model.containsAttribute("chosenFiles")) {
            model.addAttribute("chosenFiles", List.of());
        }
    }

    /** The active forms this actor may submit through here: the workspace's own, and for the team the library's. */
    private List<FormDefinition> offeredForms(Actor actor, Workspace workspace) {
        List<FormDefinition> forms = new ArrayList<>(kit.forms().list(actor, Optional.of(workspace.id()),
                PageRequest.first(PageRequest.MAX_LIMIT)).items());
        if (actor.isTeam() && kit.authorizer().tenantRole(actor).isPresent()) {
            forms.addAll(kit.forms().list(actor, Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
        }
        return forms.stream().filter(f -> f.status() == FormStatus.ACTIVE).toList();
    }

    private FormDefinition offered(Actor actor, Workspace workspace, String formId) {
        return offeredForms(actor, workspace).stream().filter(f -> f.id().value().equals(formId)).findFirst()
                .orElseThrow(() -> new NotFoundException("form", formId));
    }

    // ------------------------------------------------------------------------------------------ one request

    @GetMapping("/workspaces/{slug}/requests/{requestId}")
    public String request(Actor actor, @PathVariable String slug, @PathVariable String requestId, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        ClientRequest request = kit.requests().get(actor, workspace.id(), requestId(requestId));
        boolean writable = !workspace.isArchived();
        boolean manage = writable && grant.allows(Permission.MANAGE_REQUESTS);
        boolean submitter = writable && grant.allows(Permission.SUBMIT_REQUESTS);

        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("request", request);
        model.addAttribute("row", rows(workspace, List.of(request)).get(0));
        model.addAttribute("submittedAt", Labels.exact(request.submittedAt()));
        model.addAttribute("resolvedAt", request.resolvedAt().map(Labels::exact).orElse(null));
        model.addAttribute("firstResponseAt", request.firstResponseAt().map(Labels::exact).orElse(null));
        model.addAttribute("declineReason", request.declineReason().orElse(null));
        model.addAttribute("formName", request.form().map(ref -> kit.forms().get(actor, workspace.id(), ref.formId(),
                ref.version()).name() + " · version " + ref.version()).orElse(null));
        model.addAttribute("answers", request.form().map(ref -> FormInputs.answers(
                kit.forms().get(actor, workspace.id(), ref.formId(), ref.version()), request.answers(),
                id -> kit.files().find(actor, workspace.id(), id).map(FileAsset::name),
                id -> "/workspaces/" + workspace.slug() + "/files/" + id.value())).orElse(List.of()));
        model.addAttribute("attachments", request.attachments().stream()
                .map(id -> kit.files().find(actor, workspace.id(), id)
                        .map(f -> new Option(f.id().value(), f.name()))
                        .orElse(new Option("", "a file you cannot see")))
                .toList());
        model.addAttribute("history", history(actor, workspace, request));
        model.addAttribute("canManage", manage);
        model.addAttribute("moves", manage ? request.status().next().stream()
                .filter(s -> s != RequestStatus.DECLINED).map(s -> new Option(s.name(), move(s))).toList() : List.of());
        model.addAttribute("canDecline", manage && request.status().next().contains(RequestStatus.DECLINED));
        model.addAttribute("canReopen", (manage || submitter) && request.status().isResolved());
        model.addAttribute("canAnswer", !manage && submitter && request.status() == RequestStatus.WAITING_ON_CLIENT);
        model.addAttribute("assignees", manage ? teamMembers(actor, workspace) : List.of());
        model.addAttribute("assignee", request.assignee().map(UserId::value).orElse(""));
        model.addAttribute("due", request.due().map(LocalDate::toString).orElse(""));
        return "request";
    }

    @PostMapping("/workspaces/{slug}/requests/{requestId}/status")
    public String changeStatus(Actor actor, @PathVariable String slug, @PathVariable String requestId,
                               @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String reason,
                               @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            RequestStatus status = status(to);
            ClientRequest after = kit.requests().changeStatus(actor, workspace.id(), requestId(requestId), status,
                    reason.isBlank() ? Optional.empty() : Optional.of(reason), version);
            redirect.addFlashAttribute("notice", "“" + after.title() + "” is now " + status(after.status()) + ".");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The status did not change: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/requests/" + requestId;
    }

    @PostMapping("/workspaces/{slug}/requests/{requestId}/reopen")
    public String reopen(Actor actor, @PathVariable String slug, @PathVariable String requestId,
                         @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            ClientRequest after = kit.requests().reopen(actor, workspace.id(), requestId(requestId), version);
            redirect.addFlashAttribute("notice", "“" + after.title() + "” was reopened.");
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/requests/" + requestId;
    }

    @PostMapping("/workspaces/{slug}/requests/{requestId}/assignee")
    public String assign(Actor actor, @PathVariable String slug, @PathVariable String requestId,
                         @RequestParam(defaultValue = "") String assignee,
                         @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            Optional<UserId> who = assignee.isBlank() ? Optional.empty() : Optional.of(UserId.of(assignee));
            kit.requests().assign(actor, workspace.id(), requestId(requestId), who, version);
            redirect.addFlashAttribute("notice", who.map(u -> "Assigned to " + workspaces.nameOf(u) + ".")
                    .orElse("Nobody is assigned now."));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Choose a team member of this workspace.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Not assigned: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/requests/" + requestId;
    }

    @PostMapping("/workspaces/{slug}/requests/{requestId}/due")
    public String due(Actor actor, @PathVariable String slug, @PathVariable String requestId,
                      @RequestParam(defaultValue = "") String due, @RequestParam(defaultValue = "-1") long version,
                      RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            Optional<LocalDate> date = due.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(due.strip()));
            kit.requests().setDue(actor, workspace.id(), requestId(requestId), date, version);
            redirect.addFlashAttribute("notice", date.map(d -> "Due " + d + ".").orElse("The due date was cleared."));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "The due date must be a date (YYYY-MM-DD).");
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/requests/" + requestId;
    }

    // ------------------------------------------------------------------------------------------ the inbox

    /**
     * The team's inbox: open requests (or those of the chosen statuses) across every workspace the user serves,
     * filtered by assignee ({@code me}, {@code none} or a user id) and age (submitted at least so many days ago),
     * newest first, 25 a page. Clients have no inbox (404).
     */
    @GetMapping("/inbox")
    public String inbox(Actor actor, @RequestParam(defaultValue = "") String assignee,
                        @RequestParam(required = false) List<String> status,
                        @RequestParam(defaultValue = "0") int olderThanDays,
                        @RequestParam(defaultValue = "") String after, Model model) {
        if (!actor.isTeam()) {
            throw new NotFoundException("page", "inbox");
        }
        Set<RequestStatus> statuses = EnumSet.noneOf(RequestStatus.class);
        if (status != null) {
            for (String s : status) {
                try {
                    statuses.add(RequestStatus.valueOf(s));
                } catch (IllegalArgumentException ignored) {
                    // an unknown status filters nothing
                }
            }
        }
        if (statuses.isEmpty()) {
            statuses.addAll(OPEN);
        }
        Optional<UserId> who = switch (assignee) {
            case "", "none" -> Optional.empty();
            case "me" -> Optional.of(actor.userId());
            default -> userId(assignee);
        };
        InboxFilter filter = new InboxFilter(who, "none".equals(assignee), statuses, Optional.empty());
        int days = Math.max(0, Math.min(olderThanDays, 3650));
        if (days > 0) {
            filter = filter.submittedBefore(clock.instant().minus(Duration.ofDays(days)));
        }
        PageRequest page = after.isBlank() ? PageRequest.first(INBOX_PAGE) : PageRequest.after(after, INBOX_PAGE);
        Page<ClientRequest> found = kit.requests().inbox(actor, filter, page);
        Map<WorkspaceId, Workspace> seen = new HashMap<>();
        List<RequestRow> rows = new ArrayList<>();
        for (ClientRequest r : found.items()) {
            Workspace w = seen.computeIfAbsent(r.workspaceId(), id -> kit.workspaces().get(actor, id));
            rows.addAll(rows(w, List.of(r)));
        }
        model.addAttribute("requests", rows);
        model.addAttribute("nextCursor", found.nextCursor().orElse(null));
        model.addAttribute("assignee", assignee);
        model.addAttribute("statuses", statuses.stream().map(Enum::name).toList());
        model.addAttribute("allStatuses", Arrays.stream(RequestStatus.values()).map(s -> new Option(s.name(), status(s))).toList());
        model.addAttribute("olderThanDays", days);
        return "inbox";
    }

    // ------------------------------------------------------------------------------------------ shared

    List<RequestRow> rows(Workspace workspace, List<ClientRequest> requests) {
        Instant now = clock.instant();
        return requests.stream().map(r -> new RequestRow(r.id().value(), workspace.slug(),
                WorkspaceController.displayName(workspace), r.title(), r.status().name(), status(r.status()),
                r.priority().name(), priority(r.priority()), r.assignee().map(workspaces::nameOf).orElse(""),
                r.due().map(LocalDate::toString).orElse(""), workspaces.nameOf(r.submittedBy()),
                Labels.ago(r.submittedAt(), now), Labels.exact(r.submittedAt()))).toList();
    }

    /** The request's steps from the workspace's recent activity (the last {@value #HISTORY_SCAN} entries). */
    private List<HistoryView> history(Actor actor, Workspace workspace, ClientRequest request) {
        String id = request.id().value();
        List<HistoryView> steps = new ArrayList<>(kit.activity().feed(actor, workspace.id(), PageRequest.first(HISTORY_SCAN))
                .items().stream().filter(e -> id.equals(e.targetId()) && e.visibility() == Visibility.CLIENT
                        || id.equals(e.targetId()) && actor.isTeam())
                .map(e -> new HistoryView(workspaces.nameOf(e.actorId()), e.actorKind() == ActorKind.TEAM,
                        historyText(e.action(), e.details()), Labels.exact(e.occurredAt())))
                .toList());
        java.util.Collections.reverse(steps);
        return steps;
    }

    private String historyText(String action, Map<String, String> d) {
        return switch (action) {
            case "request.submitted" -> "submitted the request";
            case "request.status-changed" -> "moved it from " + statusName(d.getOrDefault("from", "")) + " to " + statusName(d.getOrDefault("to", ""))
                    + (d.containsKey("reason") ? ": “" + d.get("reason") + "”" : "");
            case "request.reopened" -> "reopened it";
            case "request.assigned" -> d.getOrDefault("assignee", "").isEmpty() ? "unassigned it"
                    : "assigned it to " + workspaces.nameOf(UserId.of(d.getOrDefault("assignee", "?")));
            case "request.due-changed" -> d.getOrDefault("due", "").isEmpty() ? "cleared the due date"
                    : "set the due date to " + d.get("due");
            default -> action.replace('.', ' ').replace('-', ' ');
        };
    }

    private List<Option> teamMembers(Actor actor, Workspace workspace) {
        return kit.members().list(actor, workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .filter(m -> !m.role().isClientRole())
                .map(m -> new Option(m.userId().value(), workspaces.nameOf(m.userId()))).toList();
    }

    /** The workspace's client-visible active files the actor sees (top level and one folder down), for file fields. */
    List<Option> fileOptions(Actor actor, Workspace workspace) {
        List<Option> options = new ArrayList<>();
        List<FileAsset> files = new ArrayList<>(kit.files().list(actor, workspace.id(), Optional.empty(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items());
        kit.folders().list(actor, workspace.id(), Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                .forEach(folder -> files.addAll(kit.files().list(actor, workspace.id(), Optional.of(folder.id()),
                        PageRequest.first(PageRequest.MAX_LIMIT)).items()));
        for (FileAsset f : files) {
            if (f.status() == FileStatus.ACTIVE && f.visibility() == Visibility.CLIENT) {
                options.add(new Option(f.id().value(), f.name()));
            }
        }
        return options;
    }

    static String status(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> "Submitted";
            case IN_PROGRESS -> "In progress";
            case WAITING_ON_CLIENT -> "Waiting on client";
            case DONE -> "Done";
            case DECLINED -> "Declined";
        };
    }

    private static String statusName(String name) {
        try {
            return status(RequestStatus.valueOf(name));
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private static String move(RequestStatus to) {
        return switch (to) {
            case IN_PROGRESS -> "Start work";
            case WAITING_ON_CLIENT -> "Wait on client";
            case DONE -> "Mark done";
            default -> status(to);
        };
    }

    static String priority(Priority priority) {
        return switch (priority) {
            case LOW -> "Low";
            case NORMAL -> "Normal";
            case HIGH -> "High";
            case URGENT -> "Urgent";
        };
    }

    private static RequestStatus status(String value) {
        try {
            return RequestStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("to", "choose one of the statuses offered"));
        }
    }

    static RequestId requestId(String value) {
        try {
            return RequestId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("request", "?");
        }
    }

    private static Optional<UserId> userId(String value) {
        try {
            return Optional.of(UserId.of(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static int parseVersion(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("form", "?");
        }
    }

    static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
