package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.reply.InboundReply;
import io.clientworkspace.message.reply.IssuedReplyToken;
import io.clientworkspace.message.reply.ReceivedReply;
import io.clientworkspace.message.reply.ReplyAddresses;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Optional;

/**
 * "Reply by e-mail (demo)" for every member of a workspace: pick a conversation, get <em>your own</em> reply
 * address, the one a notification e-mail to you would carry in its Reply-To
 * ({@code reply+<token>@reply.agency-portal.example}), then paste a reply, quoted history and signature included,
 * into the form that stands in for the mail server: it is posted into the thread as you, or refused with the
 * kit's error. A real host would call {@code kit.replies().issueFor} in its notification mailer and
 * {@code kit.replies().receive} from its mail webhook (or use the starter's inbound endpoint).
 *
 * <p>The page issues addresses with {@code kit.replies().issue(actor, ..., actor.userId())}, for the signed-in
 * user only: an address lets whoever holds it post as its recipient, so no page may show anyone else's.
 */
@Controller
public class MailDemoController {

    /** The (fictitious) domain of the demo's reply addresses. */
    static final String DOMAIN = "reply.agency-portal.example";

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;

    public MailDemoController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    @GetMapping("/workspaces/{slug}/mail-demo")
    public String page(Actor actor, @PathVariable String slug, Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        List<Option> conversations = kit.conversations().list(actor, workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().map(c -> new Option(c.id().value(), title(c))).toList();
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("conversations", conversations);
        model.addAttribute("domain", DOMAIN);
        return "mail-demo";
    }

    /** Issues a reply token for the signed-in user and shows the address (once, as a flash attribute). */
    @PostMapping("/workspaces/{slug}/mail-demo/address")
    public String address(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String conversation,
                          RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            // Only ever the signed-in user's own address: a real host's mailer uses issueFor and puts the token
            // into the e-mail to the recipient alone.
            IssuedReplyToken issued = kit.replies().issue(actor, workspace.id(), ConversationId.of(conversation),
                    actor.userId());
            redirect.addFlashAttribute("address", ReplyAddresses.address("reply", issued.token(), DOMAIN));
            redirect.addFlashAttribute("addressFor", workspaces.nameOf(issued.record().recipient()));
            redirect.addFlashAttribute("expiresAt", Labels.exact(issued.record().expiresAt()));
        } catch (WorkspaceException e) {
            redirect.addFlashAttribute("error", "No reply address: " + e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/mail-demo";
    }

    /** Stands in for the mail server: the pasted reply goes to the kit exactly as an inbound e-mail would. */
    @PostMapping("/workspaces/{slug}/mail-demo/inbound")
    public String inbound(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String to,
                          @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String messageId,
                          RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            String token = ReplyAddresses.token(to).orElse(to.strip());
            ReceivedReply received = kit.replies().receive(actor.tenantId(), new InboundReply(token, Optional.empty(),
                    text, messageId.isBlank() ? Optional.empty() : Optional.of(messageId.strip())));
            redirect.addFlashAttribute("notice", (received.duplicate()
                    ? "Already received (same Message-ID): nothing new was posted"
                    : "Posted into the thread as " + workspaces.nameOf(received.author())) + ".");
        } catch (WorkspaceException e) {
            redirect.addFlashAttribute("error", "The mail server's reply was refused: " + e.getMessage());
        }
        redirect.addFlashAttribute("to", to);
        return "redirect:/workspaces/" + workspace.slug() + "/mail-demo";
    }

    private static String title(Conversation c) {
        return c.title() + (c.visibility() == io.clientworkspace.activity.Visibility.TEAM ? " (internal)" : "");
    }
}
