package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalRecord;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.examples.portal.web.Views.ApprovalRow;
import io.clientworkspace.examples.portal.web.Views.DecisionView;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The approvals of a workspace: the queue (what waits for the signed-in user's decision, with approve,
 * request changes and reject, and every request with its status), the record of one request (each
 * decision in order with approver, time, comment and the SHA-256 of the exact bytes decided on), and
 * asking for approval of a deliverable. Deciding is the kit's call: a user without the permission, or
 * not among the approvers, gets the 403 page even when posting the form by hand.
 */
@Controller
public class ApprovalsController {

    private static final int PAGE = PageRequest.MAX_LIMIT;

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;

    public ApprovalsController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    @GetMapping("/workspaces/{slug}/approvals")
    public String queue(Actor actor, @PathVariable String slug, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        List<ApprovalRow> all = rows(kit, actor, workspace,
                kit.approvals().list(actor, workspace.id(), Optional.empty(), PageRequest.first(PAGE)).items(),
                workspaces::nameOf);
        boolean canRequest = !workspace.isArchived() && grant.allows(Permission.REQUEST_APPROVALS);

        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("waiting", all.stream().filter(ApprovalRow::waitingForYou).toList());
        model.addAttribute("approvals", all);
        model.addAttribute("canRequest", canRequest);
        model.addAttribute("approverOptions", canRequest ? approverOptions(actor, workspace) : List.of());
        return "approvals";
    }

    @GetMapping("/workspaces/{slug}/approvals/{approvalId}")
    public String record(Actor actor, @PathVariable String slug, @PathVariable String approvalId, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        ApprovalRecord record = kit.approvals().record(actor, workspace.id(), ApprovalId.of(approvalId));
        ApprovalRequest request = record.request();
        ApprovalRow row = rows(kit, actor, workspace, List.of(request), workspaces::nameOf).get(0);
        List<DecisionView> decisions = record.decisions().stream()
                .map(d -> new DecisionView(d.sequence(), workspaces.nameOf(d.approver()), d.approverKind() == ActorKind.TEAM,
                        d.kind().name(), Labels.decision(d.kind()), Labels.exact(d.decidedAt()), d.comment().orElse(""),
                        d.versionNumber().orElse(null), d.sha256().orElse(null)))
                .toList();

        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("request", request);
        model.addAttribute("row", row);
        model.addAttribute("decisions", decisions);
        model.addAttribute("policy", request.policy().toString());
        model.addAttribute("requestedAt", Labels.exact(request.requestedAt()));
        model.addAttribute("dueAt", request.dueAt().map(Labels::exact).orElse(null));
        model.addAttribute("resolvedAt", request.resolvedAt().map(Labels::exact).orElse(null));
        model.addAttribute("subjectSha", request.subject() instanceof ApprovalSubject.FileVersionSubject s ? s.sha256() : null);
        model.addAttribute("deliverable", request.subject() instanceof ApprovalSubject.DeliverableSubject d ? d : null);
        model.addAttribute("canCancel", !workspace.isArchived() && request.status() == ApprovalStatus.OPEN
                && (request.requestedBy().equals(actor.userId()) || grant.allows(Permission.REQUEST_APPROVALS)));
        return "approval";
    }

    /** Records the signed-in user's decision; the kit refuses (403 page) anyone who may not decide. */
    @PostMapping("/workspaces/{slug}/approvals/{approvalId}/decision")
    public String decide(Actor actor, @PathVariable String slug, @PathVariable String approvalId,
                         @RequestParam(defaultValue = "") String decision,
                         @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        String recordUrl = "/workspaces/" + workspace.slug() + "/approvals/" + approvalId;
        try {
            DecisionKind kind = decisionKind(decision);
            ApprovalRequest after = kit.approvals().decide(actor, workspace.id(), ApprovalId.of(approvalId), kind,
                    Optional.of(comment));
            redirect.addFlashAttribute("notice", "You " + switch (kind) {
                case APPROVE -> "approved";
                case REJECT -> "rejected";
                case REQUEST_CHANGES -> "asked for changes to";
            } + " “" + after.title() + "”. Status: " + Labels.status(after.status()) + ".");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Your decision was not recorded: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + recordUrl;
    }

    @PostMapping("/workspaces/{slug}/approvals/{approvalId}/cancel")
    public String cancel(Actor actor, @PathVariable String slug, @PathVariable String approvalId,
                         RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            ApprovalRequest cancelled = kit.approvals().cancel(actor, workspace.id(), ApprovalId.of(approvalId));
            redirect.addFlashAttribute("notice", "“" + cancelled.title() + "” was cancelled.");
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/approvals/" + approvalId;
    }

    /** Asks for approval of a deliverable that is not a file (a design review, a launch plan). */
    @PostMapping("/workspaces/{slug}/approvals")
    public String requestDeliverable(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String title,
                                     @RequestParam(defaultValue = "") String description,
                                     @RequestParam(defaultValue = "") String link,
                                     @RequestParam(defaultValue = "") String message,
                                     @RequestParam(required = false) List<String> approvers, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            ApprovalRequest created = kit.approvals().requestForDeliverable(actor, workspace.id(), description,
                    link.isBlank() ? Optional.empty() : Optional.of(link.strip()), newApproval(title, message, approvers));
            redirect.addFlashAttribute("notice", "Asked for approval of “" + created.title() + "”.");
            return "redirect:/workspaces/" + workspace.slug() + "/approvals/" + created.id().value();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The approval was not requested: " + FilesController.reasons(e));
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:/workspaces/" + workspace.slug() + "/approvals#request-approval";
    }

    // ---- shared with the files pages ----

    /** The rows for these requests; file names are looked up once per file. */
    static List<ApprovalRow> rows(WorkspaceKit kit, Actor actor, Workspace workspace, List<ApprovalRequest> requests) {
        return rows(kit, actor, workspace, requests, UserId::value);
    }

    /** The rows for these requests, with people shown through {@code people} (user id to the name people see). */
    static List<ApprovalRow> rows(WorkspaceKit kit, Actor actor, Workspace workspace, List<ApprovalRequest> requests,
                                  java.util.function.Function<UserId, String> people) {
        Map<FileId, String> names = new HashMap<>();
        return requests.stream().map(r -> {
            String subject;
            String fileId = null;
            Integer version = null;
            if (r.subject() instanceof ApprovalSubject.FileVersionSubject s) {
                String name = names.computeIfAbsent(s.fileId(), id -> kit.files().find(actor, workspace.id(), id)
                        .map(FileAsset::name).orElse(""));
                // A purged file has no page any more: the record keeps its version and hash, without a link.
                subject = (name.isEmpty() ? "a deleted file" : name) + " · version " + s.versionNumber();
                fileId = name.isEmpty() ? null : s.fileId().value();
                version = s.versionNumber();
            } else {
                subject = ((ApprovalSubject.DeliverableSubject) r.subject()).description();
            }
            return new ApprovalRow(r.id().value(), r.title(), r.status().name(), Labels.status(r.status()), subject, fileId,
                    version, people.apply(r.requestedBy()), Labels.exact(r.requestedAt()),
                    String.join(", ", r.approvers().stream().map(people).toList()),
                    WorkspaceTabs.waitsFor(kit, actor, r));
        }).toList();
    }

    static NewApproval newApproval(String title, String message, List<String> approvers) {
        Set<UserId> ids = new LinkedHashSet<>();
        if (approvers != null) {
            approvers.stream().filter(a -> !a.isBlank()).map(UserId::of).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new ValidationException(FieldError.of("approvers", "choose at least one approver"));
        }
        NewApproval request = NewApproval.of(title, ids);
        return message.isBlank() ? request : request.withMessage(message.strip());
    }

    private static DecisionKind decisionKind(String value) {
        try {
            return DecisionKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("decision", "choose approve, request changes or reject"));
        }
    }

    /** Members who may decide approvals of client-visible things, as the kit judges them. */
    private List<Option> approverOptions(Actor actor, Workspace workspace) {
        return kit.approvals().eligibleApprovers(actor, workspace.id()).stream()
                .map((Membership m) -> new Option(m.userId().value(), workspaces.nameOf(m.userId()) + " · " + Labels.role(m.role())))
                .toList();
    }
}
