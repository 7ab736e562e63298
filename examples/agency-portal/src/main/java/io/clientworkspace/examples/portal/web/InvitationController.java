package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.GoneException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.PortalTenant;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.member.Membership;
import io.clientworkspace.workspace.InvitationPreview;
import io.clientworkspace.workspace.InvitationPreview.State;
import io.clientworkspace.spring.security.ActorResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page an invitation link opens. A visitor without an account picks a username and password:
 * the portal creates the client user, accepts the invitation as that user through the kit, signs
 * them in and takes them to the workspace. A client user who is already signed in joins with one
 * click. The account is created only if the kit accepts the invitation.
 */
@Controller
@RequestMapping("/invitations/accept")
public class InvitationController {

    private final WorkspaceKit kit;
    private final PortalTenant tenant;
    private final PortalUsers users;
    private final ActorResolver actors;
    private final SecurityContextRepository contexts;
    private final SessionAuthenticationStrategy signInStrategy;

    public InvitationController(WorkspaceKit kit, PortalTenant tenant, PortalUsers users,
                                ActorResolver actors, SecurityContextRepository contexts,
                                SessionAuthenticationStrategy signInStrategy) {
        this.kit = kit;
        this.tenant = tenant;
        this.users = users;
        this.actors = actors;
        this.contexts = contexts;
        this.signInStrategy = signInStrategy;
    }

    @GetMapping
    public String show(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<InvitationPreview> preview = preview(token);
        if (preview.isEmpty() || preview.get().state() != State.OPEN) {
            return unusable(preview, model, response);
        }
        model.addAttribute("signup", new SignupForm(token, "", "", ""));
        return page(preview.get(), model);
    }

    /** A new client user: create the account, accept as that user, sign in, go to the workspace. */
    @PostMapping
    public String signUp(SignupForm form, Model model, HttpServletRequest request, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Optional<InvitationPreview> preview = preview(form.token());
        if (preview.isEmpty() || preview.get().state() != State.OPEN) {
            return unusable(preview, model, response);
        }
        Map<String, String> errors = check(form);
        Optional<UserDetails> created = Optional.empty();
        if (errors.isEmpty()) {
            created = users.createClientUser(form.username(), form.password());
            if (created.isEmpty()) {
                errors.put("username", "is already taken; choose another");
            }
        }
        if (!errors.isEmpty()) {
            return formWithErrors(preview.get(), form, errors, model, response);
        }
        // The kit knows the new account by the opaque id PortalUsers generated, never by the chosen name.
        Actor actor = new Actor(tenant.id(), users.idOf(form.username()).orElseThrow(), ActorKind.CLIENT);
        Membership membership;
        try {
            membership = kit.invitations().accept(actor, form.token());
        } catch (WorkspaceException e) {
            users.delete(form.username());
            if (e instanceof ConflictException) {
                errors.put("username", "is already a member of this workspace; choose another");
                return formWithErrors(preview.get(), form, errors, model, response);
            }
            return refused(e, form.token(), model, response);
        }
        signIn(created.get(), request, response);
        return toWorkspace(actor, membership, redirect);
    }

    /** A signed-in client user joins with their existing account. */
    @PostMapping("/existing")
    public String acceptAsSignedIn(@RequestParam(required = false) String token, Authentication authentication,
                                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<InvitationPreview> preview = preview(token);
        Actor actor = actors.resolve(authentication).orElseThrow();
        Membership membership;
        try {
            membership = kit.invitations().accept(actor, token);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "You are already a member of this workspace.");
            return preview.map(p -> "redirect:/workspaces/" + p.workspaceSlug()).orElse("redirect:/");
        } catch (WorkspaceException e) {
            return refused(e, token, model, response);
        }
        return toWorkspace(actor, membership, redirect);
    }

    private String toWorkspace(Actor actor, Membership membership, RedirectAttributes redirect) {
        var workspace = kit.workspaces().get(actor, membership.workspaceId());
        redirect.addFlashAttribute("notice", "Welcome, " + users.nameOf(actor.userId()) + "! You have joined "
                + workspace.branding().displayName().orElse(workspace.name()) + " as " + Labels.role(membership.role()) + ".");
        return "redirect:/workspaces/" + workspace.slug();
    }

    private void signIn(UserDetails user, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        // As form login does: a new session id (no fixation) and a new CSRF token (the pre-sign-in one dies).
        signInStrategy.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static Map<String, String> check(SignupForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String username = form.username() == null ? "" : form.username();
        if (!PortalUsers.USERNAME.matcher(username).matches()) {
            errors.put("username", "must be 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String password = form.password() == null ? "" : form.password();
        if (password.length() < PortalUsers.MIN_PASSWORD) {
            errors.put("password", "must be at least " + PortalUsers.MIN_PASSWORD + " characters");
        } else if (!password.equals(form.confirmPassword())) {
            errors.put("confirmPassword", "does not match the password");
        }
        return errors;
    }

    /**
     * What the invitation behind the token offers, if there is one: the kit answers for the holder of the
     * token, in the portal's tenant.
     */
    private Optional<InvitationPreview> preview(String token) {
        return token == null ? Optional.empty() : kit.invitations().preview(tenant.id(), token);
    }

    private String page(InvitationPreview preview, Model model) {
        model.addAttribute("preview", new PreviewView(preview.displayName(), Labels.role(preview.role()), preview.email(),
                preview.branding().accentColor().orElse("#2563EB")));
        return "invitation";
    }

    private String formWithErrors(InvitationPreview preview, SignupForm form, Map<String, String> errors, Model model,
                                  HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("signup", new SignupForm(form.token(), form.username(), "", ""));
        model.addAttribute("errors", errors);
        return page(preview, model);
    }

    /** A link that matches nothing, or an invitation that can no longer be accepted. */
    private String unusable(Optional<InvitationPreview> preview, Model model, HttpServletResponse response) {
        if (preview.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("title", "This invitation link is not valid");
            model.addAttribute("message", "Check that you copied the whole link, or ask the person who invited you for a new one.");
        } else {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("title", switch (preview.get().state()) {
                case USED -> "This invitation has already been used";
                case REVOKED -> "This invitation was withdrawn";
                case EXPIRED -> "This invitation has expired";
                case ARCHIVED -> "This workspace is archived";
                case OPEN -> "This invitation cannot be used";
            });
            model.addAttribute("message", "Ask the person who invited you for a new invitation."
                    + (preview.get().state() == State.USED ? " If you accepted it yourself, sign in instead." : ""));
        }
        return "invitation-unusable";
    }

    /** Maps the kit's refusal to accept to the page that explains it. */
    private String refused(WorkspaceException e, String token, Model model, HttpServletResponse response) {
        if (e instanceof NotFoundException || e instanceof ValidationException) {
            return unusable(Optional.empty(), model, response);
        }
        if (e instanceof GoneException || e instanceof ArchivedException) {
            return unusable(preview(token), model, response);
        }
        throw e;
    }

    /** What the invitation page shows: the workspace's name, the role, the address invited, the accent colour. */
    public record PreviewView(String workspaceName, String roleLabel, String email, String accent) {
    }

    /** The sign-up form. */
    public record SignupForm(String token, String username, String password, String confirmPassword) {
    }
}
