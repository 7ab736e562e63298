package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.InvitationId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.examples.portal.web.Views.ActivityView;
import io.clientworkspace.examples.portal.web.Views.InvitationView;
import io.clientworkspace.examples.portal.web.Views.MemberView;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.examples.portal.web.Views.WorkspaceRow;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace pages: the overview, a workspace's home, and its forms (invite a client user, change
 * a member's role, revoke an invitation). Every call goes through the kit's services with the
 * signed-in {@link Actor}; what a user may do is the kit's decision, the pages only hide controls
 * the kit would refuse.
 */
@Controller
public class WorkspaceController {

    // 60: the demo workspace Acme alone records some 45 entries at startup (files, messages, requests, its project)
    private static final int FEED_SIZE = 60;

    private final WorkspaceKit kit;
    private final Clock clock;
    private final PortalUsers users;

    public WorkspaceController(WorkspaceKit kit, PortalUsers users) {
        this.kit = kit;
        this.clock = Clock.systemUTC();
        this.users = users;
    }

    /** The name people see for a user id of the kit (the portal's login name; see {@link PortalUsers}). */
    public String nameOf(UserId id) {
        return users.nameOf(id);
    }

    /** A client with exactly one workspace goes straight to it; everyone else to the overview. */
    @GetMapping("/")
    public String home(Actor actor) {
        if (!actor.isTeam()) {
            List<Workspace> mine = kit.workspaces().list(actor, PageRequest.first(2)).items();
            if (mine.size() == 1) {
                return "redirect:/workspaces/" + mine.get(0).slug();
            }
        }
        return "redirect:/workspaces";
    }

    @GetMapping("/workspaces")
    public String overview(Actor actor, Model model) {
        Instant now = clock.instant();
        List<WorkspaceRow> rows = new ArrayList<>();
        for (Workspace workspace : allVisible(actor)) {
            Page<Membership> members = kit.members().list(actor, workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT));
            Optional<ActivityEntry> last = kit.activity().feed(actor, workspace.id(), PageRequest.first(1)).items()
                    .stream().findFirst();
            rows.add(new WorkspaceRow(workspace.slug(), displayName(workspace), accent(workspace),
                    workspace.isArchived(), members.items().size(), members.hasNext(),
                    last.map(e -> users.nameOf(e.actorId()) + " " + Labels.activity(e, users::nameOf)).orElse("No activity yet"),
                    last.map(e -> Labels.ago(e.occurredAt(), now)).orElse(""),
                    last.map(e -> Labels.exact(e.occurredAt())).orElse(""),
                    yourRole(kit.authorizer().grant(actor, workspace.id()))));
        }
        model.addAttribute("rows", rows);
        return "workspaces";
    }

    @GetMapping("/workspaces/{slug}")
    public String workspace(Actor actor, @PathVariable String slug, Model model) {
        Workspace workspace = visible(actor, slug);
        populate(actor, workspace, model);
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", new InviteForm("", WorkspaceRole.CLIENT_CONTRIBUTOR.name()));
        }
        return "workspace";
    }

    /** Invites a client user and shows the acceptance link once (it holds the token, which is never shown again). */
    @PostMapping("/workspaces/{slug}/invitations")
    public String invite(Actor actor, @PathVariable String slug, @ModelAttribute("invite") InviteForm form,
                         Model model, RedirectAttributes redirect) {
        Workspace workspace = visible(actor, slug);
        try {
            WorkspaceRole role = clientRole(form.role());
            IssuedInvitation issued = kit.invitations().invite(actor, workspace.id(),
                    NewInvitation.of(form.email() == null ? "" : form.email(), role));
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitations/accept")
                    .queryParam("token", issued.token()).build().toUriString();
            redirect.addFlashAttribute("issuedLink", link);
            redirect.addFlashAttribute("issuedEmail", issued.invitation().email());
            redirect.addFlashAttribute("issuedRole", Labels.role(issued.invitation().role()));
            return "redirect:/workspaces/" + workspace.slug() + "#invite";
        } catch (ValidationException e) {
            model.addAttribute("inviteErrors", fieldErrors(e));
            populate(actor, workspace, model);
            return "workspace";
        }
    }

    @PostMapping("/workspaces/{slug}/invitations/{invitationId}/revoke")
    public String revoke(Actor actor, @PathVariable String slug, @PathVariable String invitationId,
                         RedirectAttributes redirect) {
        Workspace workspace = visible(actor, slug);
        try {
            var revoked = kit.invitations().revoke(actor, workspace.id(), InvitationId.of(invitationId));
            redirect.addFlashAttribute("notice", "The invitation for " + revoked.email() + " was revoked.");
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "#invitations";
    }

    @PostMapping("/workspaces/{slug}/members/{userId}/role")
    public String changeRole(Actor actor, @PathVariable String slug, @PathVariable String userId,
                             @RequestParam(required = false) String role, RedirectAttributes redirect) {
        Workspace workspace = visible(actor, slug);
        try {
            WorkspaceRole newRole = anyRole(role);
            Membership changed = kit.members().changeRole(actor, workspace.id(), UserId.of(userId), newRole);
            redirect.addFlashAttribute("notice", users.nameOf(userId) + " is now " + Labels.role(changed.role()) + ".");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.reason() == ConflictException.Reason.LAST_LEAD
                    ? users.nameOf(userId) + " is the only lead of this workspace. Make another team member lead first."
                    : e.getMessage());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Could not change " + users.nameOf(userId) + "’s role: "
                    + String.join("; ", fieldErrors(e).values()));
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", "This workspace is archived; nothing in it can change.");
        }
        return "redirect:/workspaces/" + workspace.slug() + "#members";
    }

    private void populate(Actor actor, Workspace workspace, Model model) {
        Instant now = clock.instant();
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        boolean writable = !workspace.isArchived();
        boolean canManage = writable && grant.allows(Permission.MANAGE_MEMBERS);
        boolean canInvite = writable && grant.allows(Permission.INVITE_CLIENTS);

        List<MemberView> members = kit.members().list(actor, workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream()
                .map(m -> new MemberView(m.userId().value(), m.role().name(), Labels.role(m.role()),
                        !m.role().isClientRole(), m.userId().equals(actor.userId()),
                        canManage ? rolesOfKind(m.role()) : List.of(), users.nameOf(m.userId())))
                .toList();
        List<ActivityView> activity = kit.activity().feed(actor, workspace.id(), PageRequest.first(FEED_SIZE)).items()
                .stream()
                .map(e -> new ActivityView(users.nameOf(e.actorId()), e.actorKind() == ActorKind.TEAM,
                        Labels.activity(e, users::nameOf), Labels.ago(e.occurredAt(), now), Labels.exact(e.occurredAt()),
                        e.visibility() == Visibility.TEAM))
                .toList();
        List<InvitationView> pending = canInvite
                ? kit.invitations().listPending(actor, workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                        .stream()
                        .map(i -> new InvitationView(i.id().value(), i.email(), Labels.role(i.role()),
                                Labels.exact(i.expiresAt())))
                        .toList()
                : List.of();

        model.addAttribute("workspace", workspace);
        model.addAttribute("displayName", displayName(workspace));
        model.addAttribute("accent", accent(workspace));
        model.addAttribute("yourRole", yourRole(grant));
        model.addAttribute("members", members);
        model.addAttribute("activity", activity);
        model.addAttribute("pending", pending);
        model.addAttribute("canManage", canManage);
        model.addAttribute("canInvite", canInvite);
        model.addAttribute("inviteRoles", canInvite ? invitableRoles(grant) : List.of());
        WorkspaceTabs.populate(kit, actor, workspace, model);
        FormsController.populateHome(kit, actor, workspace, model);
        ProjectsController.populateHome(kit, actor, workspace, model, users::nameOf);
    }

    /** Every workspace the actor may see, following the kit's pages (each page is bounded). */
    private List<Workspace> allVisible(Actor actor) {
        List<Workspace> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Workspace> page = kit.workspaces().list(actor, request);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            request = PageRequest.after(page.nextCursor().get(), PageRequest.MAX_LIMIT);
        }
    }

    /** The workspace, or the same "not found" for a slug that does not exist and one the actor may not see. */
    Workspace visible(Actor actor, String slug) {
        return kit.workspaces().findBySlug(actor, slug).orElseThrow(() -> new NotFoundException("workspace", slug));
    }

    static String displayName(Workspace workspace) {
        return workspace.branding().displayName().orElse(workspace.name());
    }

    static String accent(Workspace workspace) {
        // The kit accepts only #RRGGBB here, so the value is safe to put into a style attribute.
        return workspace.branding().accentColor().orElse("#2563EB");
    }

    static String yourRole(AccessGrant grant) {
        if (grant.tenantRole().filter(r -> r == TenantRole.TENANT_ADMIN).isPresent()) {
            return grant.workspaceRole().map(r -> Labels.role(r) + " · tenant admin").orElse("Tenant admin");
        }
        return grant.workspaceRole().map(Labels::role).orElse("");
    }

    private static List<Option> rolesOfKind(WorkspaceRole current) {
        return Arrays.stream(WorkspaceRole.values()).filter(r -> r.kind() == current.kind())
                .map(r -> new Option(r.name(), Labels.role(r))).toList();
    }

    /** The client roles this user may hand out: all of them for the team, up to their own for a client admin. */
    private static List<Option> invitableRoles(AccessGrant grant) {
        return Arrays.stream(WorkspaceRole.values()).filter(WorkspaceRole::isClientRole)
                .filter(r -> grant.workspaceRole().filter(WorkspaceRole::isClientRole).map(r::isClientRoleAtMost).orElse(true))
                .map(r -> new Option(r.name(), Labels.role(r))).toList();
    }

    private static WorkspaceRole clientRole(String value) {
        WorkspaceRole role = anyRole(value);
        if (!role.isClientRole()) {
            throw new ValidationException(FieldError.of("role", "choose a client role"));
        }
        return role;
    }

    private static WorkspaceRole anyRole(String value) {
        try {
            return WorkspaceRole.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("role", "choose one of the roles offered"));
        }
    }

    static Map<String, String> fieldErrors(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.fieldErrors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** The invitation form. */
    public record InviteForm(String email, String role) {
    }
}
