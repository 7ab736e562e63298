package io.clientworkspace.activity;

import io.clientworkspace.ActivityId;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.Folder;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.MutableClock;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One deterministic run through every change the kit records in an activity log, on the in-memory kit
 * with a fixed clock and sequential ids, and the text form of the entries it leaves behind.
 *
 * <p>The committed file {@value #RESOURCE} holds what this scenario wrote <em>before</em> activity entries
 * were derived from domain events (the code that called {@code Changes.record} by hand); {@code
 * ActivityFixtureTest} replays the scenario and compares. To regenerate the file (only ever on purpose, when
 * the activity format itself changes), run {@code ActivityFixtureTest} with the system property
 * {@value #WRITE_PROPERTY} set to the file to write.
 */
final class ActivityScenario {

    /** The committed fixture, on the test class path. */
    static final String RESOURCE = "/activity/activity-fixture-v1.tsv";
    /** System property naming a file to write the scenario's entries to. */
    static final String WRITE_PROPERTY = "activity.fixture.write";
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    static final String HEADER = "# id\ttenant\tworkspace\tseq\tactor\tactorKind\taction\ttargetType\ttargetId"
            + "\toccurredAt\tvisibility\tdetails\tpreviousHash\thash";

    private final MutableClock clock = new MutableClock(START);
    private final AtomicLong nextId = new AtomicLong();
    private final WorkspaceKit kit;
    private final List<WorkspaceId> workspaces = new ArrayList<>();
    private Actor admin;

    private ActivityScenario(Path blobs, Consumer<WorkspaceKit.Builder> customizer) {
        WorkspaceKit.Builder builder = WorkspaceKit.builder()
                .clock(clock)
                .idGenerator(() -> String.format(Locale.ROOT, "id-%06d", nextId.incrementAndGet()))
                .blobStore(new FileSystemBlobStore(blobs))
                .userDirectory((tenant, user) -> true)
                .stores(withoutNotifications(io.clientworkspace.memory.InMemoryStores.create()));
        customizer.accept(builder);
        kit = builder.build();
    }

    /**
     * {@code stores} without the notification queue. The fixture was frozen before notifications existed, and the
     * queue draws its items' ids from the kit's id generator, so with it every later entry's id would shift; the
     * entries themselves (and how they are hashed and chained) are what the fixture pins.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static io.clientworkspace.spi.Stores withoutNotifications(io.clientworkspace.spi.Stores stores) {
        io.clientworkspace.spi.Stores.Builder copy = io.clientworkspace.spi.Stores.builder(stores.unitOfWork());
        for (Class<?> spi : stores.provided()) {
            if (spi != io.clientworkspace.spi.NotificationStore.class) {
                copy.add((Class) spi, stores.require(spi));
            }
        }
        stores.outbox().ifPresent(copy::outbox);
        return copy.build();
    }

    /** Runs the scenario on a fresh in-memory kit keeping file contents under {@code blobs}. */
    static Run run(Path blobs) {
        return run(blobs, b -> { });
    }

    /** Runs the scenario on a kit with extra settings (such as its stores); returns every entry it wrote. */
    static Run run(Path blobs, Consumer<WorkspaceKit.Builder> customizer) {
        ActivityScenario s = new ActivityScenario(blobs, customizer);
        s.play();
        return new Run(s.kit, s.admin, List.copyOf(s.workspaces), s.entries());
    }

    /** What a run left behind: the kit, a tenant admin who sees everything, its workspaces and their entries. */
    record Run(WorkspaceKit kit, Actor admin, List<WorkspaceId> workspaces, List<ActivityEntry> entries) {
    }

    private void tick() {
        clock.advance(Duration.ofSeconds(61));
    }

    private void play() {
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        TenantId t = tenant.id();
        admin = Actor.team(t, "alice");
        Actor bob = Actor.team(t, "bob");
        Actor tom = Actor.team(t, "tom");
        Actor carol = Actor.client(t, "carol");
        Actor erin = Actor.client(t, "erin");
        Actor dave = Actor.client(t, "dave");
        Actor zach = Actor.client(t, "zach");
        kit.tenants().addTeamMember(admin, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(admin, tom.userId(), TenantRole.TEAM_MEMBER);
        kit.tenants().rename(admin, "Northwind & Co", 0);
        tick();

        // ---- workspace and members
        Workspace acme = kit.workspaces().create(bob, NewWorkspace.of("Acme Corp", "acme").withExternalRef("crm-acme"));
        WorkspaceId ws = acme.id();
        workspaces.add(ws);
        tick();
        kit.members().add(bob, ws, tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(bob, ws, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, ws, erin.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().add(bob, ws, dave.userId(), WorkspaceRole.CLIENT_VIEWER);
        tick();
        long v = kit.workspaces().rename(bob, ws, "  Acme Corporation ", 0).version();
        tick();
        v = kit.workspaces().updateBranding(bob, ws, Branding.none().withAccentColor("#112233"), v).version();
        tick();
        v = kit.workspaces().setExternalRef(bob, ws, Optional.of("crm-acme-2"), v).version();
        v = kit.workspaces().setExternalRef(bob, ws, Optional.empty(), v).version();
        tick();
        kit.members().changeRole(bob, ws, dave.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().handOverLead(bob, ws, bob.userId(), tom.userId());
        kit.members().handOverLead(tom, ws, tom.userId(), bob.userId());
        tick();
        kit.members().remove(bob, ws, dave.userId());
        kit.members().remove(erin, ws, erin.userId());
        kit.members().add(bob, ws, erin.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        tick();

        // ---- invitations
        IssuedInvitation toZach = kit.invitations().invite(bob, ws, NewInvitation.of("Zach@Acme.test", WorkspaceRole.CLIENT_VIEWER));
        tick();
        kit.invitations().accept(zach, toZach.token());
        IssuedInvitation toYara = kit.invitations().invite(carol, ws, NewInvitation.of("yara@acme.test", WorkspaceRole.CLIENT_VIEWER));
        tick();
        kit.invitations().revoke(bob, ws, toYara.invitation().id());
        tick();

        // ---- folders
        Folder briefs = kit.folders().create(bob, ws, "Briefs", Optional.empty(), Visibility.CLIENT);
        Folder drafts = kit.folders().create(bob, ws, "Drafts", Optional.empty(), Visibility.TEAM);
        Folder shared = kit.folders().create(carol, ws, "Shared", Optional.empty(), Visibility.CLIENT);
        tick();
        briefs = kit.folders().rename(bob, ws, briefs.id(), "Client briefs", briefs.version());
        shared = kit.folders().move(bob, ws, shared.id(), Optional.of(briefs.id()), shared.version());
        tick();
        Folder empty = kit.folders().create(bob, ws, "Empty", Optional.empty(), Visibility.CLIENT);
        kit.folders().delete(bob, ws, empty.id());
        kit.folders().delete(bob, ws, drafts.id());
        tick();
        // A client deletes a folder that holds an internal file: the team keeps it as an internal folder.
        kit.files().upload(bob, ws, NewUpload.of("plan.txt", "text/plain").in(shared.id()).internal(), text("internal plan"));
        tick();
        kit.folders().delete(carol, ws, shared.id());
        tick();

        // ---- files and versions
        FileAsset brief = kit.files().upload(carol, ws, NewUpload.of("brief.txt", "text/plain").in(briefs.id()),
                text("first brief"));
        tick();
        kit.files().uploadVersion(bob, ws, brief.id(), "brief.txt", "text/plain", text("second brief"));
        tick();
        kit.files().restoreVersion(bob, ws, brief.id(), 1);
        tick();
        download(bob, ws, brief.id(), OptionalInt.empty());
        download(carol, ws, brief.id(), OptionalInt.of(2));
        tick();
        kit.files().trash(bob, ws, brief.id());
        tick();
        kit.files().restore(tom, ws, brief.id());
        tick();
        FileAsset withdrawn = kit.files().changeVisibility(bob, ws, brief.id(), Visibility.TEAM,
                kit.files().get(bob, ws, brief.id()).version());
        tick();
        kit.files().changeVisibility(bob, ws, brief.id(), Visibility.CLIENT, withdrawn.version());
        tick();

        // ---- approvals: approved, rejected, changes requested, cancelled (by hand, on withdrawal, on purge),
        // superseded, expired (by the sweep and by a late decision), of internal files and of deliverables
        Set<UserId> carolOnly = Set.of(carol.userId());
        ApprovalId approved = kit.approvals().requestForFile(bob, ws, brief.id(), 3,
                NewApproval.of("Approve the brief", carolOnly)).id();
        tick();
        kit.approvals().decide(carol, ws, approved, DecisionKind.APPROVE, Optional.empty());
        tick();
        ApprovalId rejected = kit.approvals().requestForFile(bob, ws, brief.id(), 3,
                NewApproval.of("Sign off the brief", Set.of(carol.userId(), erin.userId())).withPolicy(ApprovalPolicy.all())).id();
        kit.approvals().decide(erin, ws, rejected, DecisionKind.APPROVE, Optional.of("fine by me"));
        tick();
        kit.approvals().decide(carol, ws, rejected, DecisionKind.REJECT, Optional.of("wrong colours"));
        tick();
        ApprovalId changesRequested = kit.approvals().requestForDeliverable(bob, ws, "Homepage mock-up",
                Optional.of("https://example.test/mock"), NewApproval.of("Homepage", carolOnly)
                        .withPolicy(ApprovalPolicy.quorum(1)).withMessage("Please have a look")).id();
        tick();
        kit.approvals().decide(carol, ws, changesRequested, DecisionKind.REQUEST_CHANGES, Optional.of("bigger logo"));
        tick();
        ApprovalId cancelled = kit.approvals().requestForDeliverable(bob, ws, "Logo", Optional.empty(),
                NewApproval.of("Logo", carolOnly)).id();
        tick();
        kit.approvals().cancel(bob, ws, cancelled);
        tick();
        kit.approvals().requestForFile(bob, ws, brief.id(), 3, NewApproval.of("Old version", carolOnly));
        tick();
        kit.files().uploadVersion(bob, ws, brief.id(), "brief.txt", "text/plain", text("fourth brief")); // supersedes
        tick();
        kit.approvals().requestForFile(bob, ws, brief.id(), 4, NewApproval.of("Before withdrawal", carolOnly));
        tick();
        FileAsset current = kit.files().get(bob, ws, brief.id());
        current = kit.files().changeVisibility(bob, ws, brief.id(), Visibility.TEAM, current.version()); // cancels
        tick();
        ApprovalId internal = kit.approvals().requestForFile(bob, ws, brief.id(), 4,
                NewApproval.of("Internal check", Set.of(tom.userId()))).id();
        tick();
        kit.approvals().decide(tom, ws, internal, DecisionKind.APPROVE, Optional.empty());
        tick();
        kit.files().changeVisibility(bob, ws, brief.id(), Visibility.CLIENT, current.version());
        tick();
        kit.approvals().requestForDeliverable(bob, ws, "Copy text", Optional.empty(),
                NewApproval.of("Copy", carolOnly).due(clock.instant().plus(Duration.ofHours(1))));
        ApprovalId lateDecision = kit.approvals().requestForDeliverable(bob, ws, "Tagline", Optional.empty(),
                NewApproval.of("Tagline", carolOnly).due(clock.instant().plus(Duration.ofHours(2)))).id();
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        kit.approvals().expireOverdue(10);
        clock.advance(Duration.ofHours(1));
        try {
            kit.approvals().decide(carol, ws, lateDecision, DecisionKind.APPROVE, Optional.empty());
            throw new IllegalStateException("a decision after the due date must be refused");
        } catch (ConflictException expected) {
            // the expiry is stored and recorded, the decision refused
        }
        tick();

        // ---- trash and purge: a file with more versions than one tombstone entry names, with an open approval
        FileAsset big = kit.files().upload(bob, ws, NewUpload.of("history.txt", "text/plain"), text("version 1"));
        for (int n = 2; n <= 27; n++) {
            kit.files().uploadVersion(bob, ws, big.id(), "history.txt", "text/plain", text("version " + n));
        }
        tick();
        kit.approvals().requestForFile(bob, ws, big.id(), 27, NewApproval.of("History", carolOnly));
        tick();
        FileAsset trashed = kit.files().trash(bob, ws, big.id());
        tick();
        kit.files().purge(bob, ws, big.id(), trashed.version());
        tick();

        // ---- archive and restore
        Workspace archived = kit.workspaces().archive(bob, ws, kit.workspaces().get(bob, ws).version());
        tick();
        kit.workspaces().restore(bob, ws, archived.version());
        tick();

        // ---- a second workspace, so that the fixture holds two chains
        Workspace initech = kit.workspaces().create(admin, NewWorkspace.of("Initech", "initech").withLead(bob.userId()));
        workspaces.add(initech.id());
        tick();
        kit.members().add(admin, initech.id(), carol.userId(), WorkspaceRole.CLIENT_VIEWER);
        FileAsset report = kit.files().upload(bob, initech.id(), NewUpload.of("report.txt", "text/plain").internal(),
                text("internal report"));
        tick();
        kit.files().trash(bob, initech.id(), report.id());
        kit.workspaces().rename(admin, initech.id(), "Initech Ltd", initech.version());
    }

    private void download(Actor actor, WorkspaceId ws, FileId file, OptionalInt version) {
        try (FileDownload d = kit.downloads().download(actor, ws, file, version)) {
            d.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream text(String content) {
        return new ByteArrayInputStream((content + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private List<ActivityEntry> entries() {
        List<ActivityEntry> all = new ArrayList<>();
        for (WorkspaceId ws : workspaces) {
            List<ActivityEntry> chain = new ArrayList<>();
            Page<ActivityEntry> page = kit.activity().feed(admin, ws, PageRequest.first(PageRequest.MAX_LIMIT));
            chain.addAll(page.items());
            while (page.nextCursor().isPresent()) {
                page = kit.activity().feed(admin, ws, PageRequest.after(page.nextCursor().get(), PageRequest.MAX_LIMIT));
                chain.addAll(page.items());
            }
            chain.sort(Comparator.comparingLong(ActivityEntry::sequence));
            all.addAll(chain);
        }
        return List.copyOf(all);
    }

    // ------------------------------------------------------------------------------------------ text form

    /** One line per entry (every field, tab-separated, details URL-encoded), after a header line. */
    static String format(List<ActivityEntry> entries) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ActivityEntry e : entries) {
            out.append(String.join("\t", e.id().value(), e.tenantId().value(), e.workspaceId().value(),
                    Long.toString(e.sequence()), e.actorId().value(), e.actorKind().name(), e.action(), e.targetType(),
                    e.targetId(), e.occurredAt().toString(), e.visibility().name(), details(e.details()),
                    e.previousHash(), e.hash())).append('\n');
        }
        return out.toString();
    }

    /** Reads what {@link #format} wrote. */
    static List<ActivityEntry> parse(String text) {
        List<ActivityEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 14) {
                throw new IllegalArgumentException("not an activity fixture line: " + line);
            }
            entries.add(new ActivityEntry(ActivityId.of(f[0]), TenantId.of(f[1]), WorkspaceId.of(f[2]),
                    Long.parseLong(f[3]), UserId.of(f[4]), ActorKind.valueOf(f[5]), f[6], f[7], f[8], Instant.parse(f[9]),
                    Visibility.valueOf(f[10]), details(f[11]), f[12], f[13]));
        }
        return List.copyOf(entries);
    }

    private static String details(Map<String, String> details) {
        return new TreeMap<>(details).entrySet().stream()
                .map(d -> encode(d.getKey()) + "=" + encode(d.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> details(String text) {
        Map<String, String> details = new TreeMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                details.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return details;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
