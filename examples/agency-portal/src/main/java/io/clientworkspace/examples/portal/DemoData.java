package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.Folder;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Set;


/**
 * Creates the demo agency, its people and three client workspaces through the kit's own API, as a
 * host would. Runs once every bean is ready and before the web server takes requests. Skips the
 * kit's data when the tenant already exists (the demo users are always added: they live in memory).
 *
 * <p>Every demo user's password is {@value #PASSWORD}.
 */
@Component
public class DemoData implements SmartInitializingSingleton {

    /** The password of every demo user. */
    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final WorkspaceKit kit;
    private final PortalUsers users;
    private final PortalTenant tenant;
    private final DemoClock clock;
    private final DeliverableInvoices deliverables;

    public DemoData(WorkspaceKit kit, PortalUsers users, PortalTenant tenant, DemoClock clock,
                    DeliverableInvoices deliverables) {
        this.kit = kit;
        this.users = users;
        this.tenant = tenant;
        this.clock = clock;
        this.deliverables = deliverables;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // Everyone signs in with a name; the kit knows them by the opaque ids PortalUsers generates.
        users.ensureTeamUser("alice", PASSWORD);
        users.ensureTeamUser("bob", PASSWORD);
        users.ensureTeamUser("nina", PASSWORD);
        users.ensureClientUser("carol", PASSWORD);
        users.ensureClientUser("dave", PASSWORD);
        users.ensureClientUser("erin", PASSWORD);
        if (tenant.find().isPresent()) {
            log.info("Demo tenant '{}' exists already; not seeding again", PortalTenant.NAME);
            return;
        }
        try {
            seed();
        } finally {
            clock.reset();
        }
        log.info("Demo data ready: sign in as alice, bob, nina, carol, dave or erin with password '{}'", PASSWORD);
    }

    private void seed() {
        // The demo's past (DemoHistory): the kit's clock is set back while it is told, and reset before requests.
        clock.setBack(DemoHistory.ACME_OPENED);
        Tenant agency = kit.tenants().create(PortalTenant.NAME, id("alice"));
        Actor alice = new Actor(agency.id(), id("alice"), ActorKind.TEAM);
        Actor bob = new Actor(agency.id(), id("bob"), ActorKind.TEAM);
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        // Grace: the new account manager, on the roster without workspaces yet (the one to hand Bob's accounts to).
        kit.tenants().addTeamMember(alice, id("nina"), TenantRole.ACCOUNT_MANAGER);

        // Acme: Bob's account. He invites Carol, the client's admin, who then invites Dave to look on.
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme")
                .withLead(bob.userId())
                .withBranding(Branding.none().withAccentColor("#C2410C")));
        Actor carol = client(agency, "carol");
        invite(bob, acme, "carol@acme.test", WorkspaceRole.CLIENT_ADMIN, carol);
        invite(carol, acme, "dave@acme.test", WorkspaceRole.CLIENT_VIEWER, client(agency, "dave"));
        acme = kit.workspaces().get(bob, acme.id());
        acme = kit.workspaces().updateBranding(bob, acme.id(),
                acme.branding().withDisplayName("Acme Corp — brand refresh"), acme.version());
        // Linking the agency's CRM account is team-only activity: clients never see it.
        kit.workspaces().setExternalRef(bob, acme.id(), Optional.of("CRM-1001"), acme.version());
        clock.setBack(DemoHistory.ACME_FILES);
        Folder brand = acmeFiles(bob, acme);
        clock.reset();
        acmeMessages(bob, carol, acme);

        // Globex: Alice leads it; Erin is the client's admin; one invitation is still open.
        clock.setBack(DemoHistory.GLOBEX_OPENED);
        Workspace globex = kit.workspaces().create(alice, NewWorkspace.of("Globex", "globex")
                .withExternalRef("CRM-1002")
                .withBranding(Branding.none().withAccentColor("#0F766E")));
        invite(alice, globex, "erin@globex.test", WorkspaceRole.CLIENT_ADMIN, client(agency, "erin"));
        DemoHistory.globexDeliverables(kit, clock, alice, client(agency, "erin"), globex);
        clock.reset();
        kit.invitations().invite(alice, globex.id(), NewInvitation.of("frank@globex.test", WorkspaceRole.CLIENT_CONTRIBUTOR));
        upload(alice, globex, NewUpload.of("Kickoff notes.pdf", "application/pdf"), DemoFiles.pdf("Kickoff notes",
                "Globex website relaunch", "Goals: faster pages, a clearer offer, fewer support calls."));

        DemoRequests.seed(kit, alice, bob, carol, acme, globex);
        DemoProjects.seed(kit, bob, carol, acme);
        DemoRecords.seed(kit, bob, acme, Optional.of(brand), deliverables);
        // Initech: made from the "Retainer onboarding" template; Alice leads it, no client users yet (the place to
        // try inviting someone).
        DemoTemplates.seed(kit, alice);
        DemoHistory.visits(kit, clock, carol, client(agency, "dave"), client(agency, "erin"), acme, globex);
    }

    /**
     * Acme's files: brand guidelines in a folder, a homepage mockup waiting for Carol's approval, and the
     * agency's internal margin calculation that no client ever sees.
     */
    private Folder acmeFiles(Actor bob, Workspace acme) {
        Folder brand = kit.folders().create(bob, acme.id(), "Brand", Optional.empty(), Visibility.CLIENT);
        upload(bob, acme, NewUpload.of("Brand guidelines.pdf", "application/pdf").in(brand.id()),
                DemoFiles.pdf("Acme brand guidelines", "Logo: keep clear space of one letter height.",
                        "Accent colour: #C2410C.", "Typeface: the system sans-serif."));
        FileAsset mockup = upload(bob, acme, NewUpload.of("Homepage mockup.png", "image/png"),
                DemoFiles.mockupPng(0xC2410C));
        upload(bob, acme, NewUpload.of("Margin calculation.pdf", "application/pdf").internal(),
                DemoFiles.pdf("Acme margin calculation", "Internal: hours, rates and margin per deliverable."));
        kit.approvals().requestForFile(bob, acme.id(), mockup.id(), mockup.latestVersion(),
                NewApproval.of("Approve the homepage mockup", Set.of(id("carol")))
                        .withMessage("Colours and layout as discussed on Monday. Approve, or tell us what to change."));
        return brand;
    }

    /**
     * Acme's General conversation: a question from Carol, and Bob's internal note about it that only the team
     * sees (Carol and Dave never do).
     */
    private void acmeMessages(Actor bob, Actor carol, Workspace acme) {
        Conversation general = kit.conversations().general(carol, acme.id());
        kit.conversations().post(carol, acme.id(), general.id(), NewMessage.of(
                "Hi Bob, could we move Thursday's review to Friday morning? Our CEO wants to join."));
        kit.conversations().post(bob, acme.id(), general.id(), NewMessage.note(
                "Internal: Friday works for us, but keep the launch date. Their legal review is the bottleneck."));
    }

    private UserId id(String username) {
        return users.idOf(username).orElseThrow();
    }

    private Actor client(Tenant agency, String username) {
        return new Actor(agency.id(), id(username), ActorKind.CLIENT);
    }

    private FileAsset upload(Actor uploader, Workspace workspace, NewUpload upload, byte[] bytes) {
        return kit.files().upload(uploader, workspace.id(), upload, new ByteArrayInputStream(bytes));
    }

    private void invite(Actor inviter, Workspace workspace, String email, WorkspaceRole role, Actor invitee) {
        IssuedInvitation issued = kit.invitations().invite(inviter, workspace.id(), NewInvitation.of(email, role));
        kit.invitations().accept(invitee, issued.token());
    }
}
