package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.audit.AuditCsv;
import io.clientworkspace.audit.AuditFilter;
import io.clientworkspace.audit.AuditService;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit view through {@link WorkspaceKit#audit()} on a store set: a tenant admin searches the activity of every
 * workspace of the tenant newest first, filtered by person, action (exact or prefix), workspace and time, keyset-paged
 * without gaps or repeats, and exports it as CSV with every entry's chain; nobody else may, and no other tenant's
 * entry ever shows. Extend it and implement {@link #createStores()}.
 */
public abstract class AuditContract {

    private static final Instant START = Instant.parse("2031-03-01T09:00:00Z");

    /** A clock the test moves by hand. */
    private static final class SetClock extends Clock {
        private volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SetClock clock = new SetClock();
    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Actor carol;
    private WorkspaceId acme;
    private WorkspaceId globex;
    private Actor olga;

    /** A new, empty, complete store set. */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        kit = WorkspaceKit.builder().stores(createStores()).clock(clock).userDirectory((t, u) -> true).build();
        TenantId tenant = kit.tenants().create("Northwind", UserId.of("alice")).id();
        alice = Actor.team(tenant, "alice");
        bob = Actor.team(tenant, "bob");
        carol = Actor.client(tenant, "carol");
        kit.tenants().addTeamMember(alice, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        tick();
        acme = kit.workspaces().create(bob, NewWorkspace.of("Acme", "acme")).id();
        tick();
        globex = kit.workspaces().create(alice, NewWorkspace.of("Globex", "globex")).id();
        tick();
        kit.members().add(bob, acme, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        tick();
        kit.members().add(alice, globex, bob.userId(), WorkspaceRole.MEMBER);
        tick();
        rename(acme, "Acme Corp");
        TenantId other = kit.tenants().create("Contoso", UserId.of("olga")).id();
        olga = Actor.team(other, "olga");
        kit.workspaces().create(olga, NewWorkspace.of("Fabrikam", "fabrikam"));
    }

    private void tick() {
        clock.now = clock.now.plus(Duration.ofMinutes(1));
    }

    private Workspace rename(WorkspaceId ws, String name) {
        Workspace current = kit.workspaces().get(alice, ws);
        return kit.workspaces().rename(alice, ws, name, current.version());
    }

    private List<ActivityEntry> all(AuditFilter filter) {
        return kit.audit().search(alice, filter, PageRequest.first(500)).items();
    }

    /** Every entry of a workspace as the store keeps it, read through the team's feed. */
    private List<ActivityEntry> log(WorkspaceId ws) {
        return kit.activity().feed(alice, ws, PageRequest.first(500)).items();
    }

    private static final Comparator<ActivityEntry> NEWEST_FIRST = Comparator.comparing(ActivityEntry::occurredAt)
            .thenComparing(e -> e.workspaceId().value()).thenComparingLong(ActivityEntry::sequence).reversed();

    @Test
    void aTenantAdminSeesEveryEntryOfEveryWorkspaceOfTheTenantNewestFirst() {
        List<ActivityEntry> expected = new ArrayList<>(log(acme));
        expected.addAll(log(globex));
        expected.sort(NEWEST_FIRST);

        List<ActivityEntry> found = all(AuditFilter.all());

        assertThat(found).isEqualTo(expected);
        assertThat(found).allSatisfy(e -> assertThat(e.chainWithheld()).isFalse());
        assertThat(found).extracting(ActivityEntry::visibility).contains(Visibility.CLIENT);
    }

    @Test
    void anotherTenantsEntriesNeverShow() {
        assertThat(all(AuditFilter.all())).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(alice.tenantId()));
        assertThat(kit.audit().search(olga, AuditFilter.all(), PageRequest.first(500)).items())
                .extracting(ActivityEntry::action).containsExactlyInAnyOrder("workspace.created", "member.added");
    }

    @Test
    void filtersByPerson() {
        assertThat(all(AuditFilter.all().withPerson(bob.userId())))
                .isNotEmpty().allSatisfy(e -> assertThat(e.actorId()).isEqualTo(bob.userId()));
    }

    @Test
    void filtersByExactActionOrByPrefix() {
        assertThat(all(AuditFilter.all().withAction("member.added"))).hasSize(4)
                .allSatisfy(e -> assertThat(e.action()).isEqualTo("member.added"));
        assertThat(all(AuditFilter.all().withAction("workspace."))).extracting(ActivityEntry::action)
                .containsOnly("workspace.created", "workspace.renamed").contains("workspace.renamed");
        assertThat(all(AuditFilter.all().withAction("workspace"))).isEmpty();
    }

    @Test
    void filtersByWorkspace() {
        assertThat(all(AuditFilter.all().withWorkspace(globex))).isEqualTo(log(globex));
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        Instant from = START.plus(Duration.ofMinutes(2));
        Instant to = START.plus(Duration.ofMinutes(4));

        List<ActivityEntry> found = all(AuditFilter.all().between(Optional.of(from), Optional.of(to)));

        assertThat(found).isNotEmpty().allSatisfy(e -> assertThat(e.occurredAt()).isBetween(from, to.minusNanos(1)));
        assertThat(found).extracting(ActivityEntry::occurredAt).contains(from).doesNotContain(to);
    }

    @Test
    void filtersCombine() {
        assertThat(all(AuditFilter.all().withPerson(bob.userId()).withAction("member.").withWorkspace(acme)))
                .extracting(ActivityEntry::targetId).containsExactly("carol", "bob");
    }

    @Test
    void keysetPagesListEveryEntryOnceEvenWhenNewEntriesArriveWhileReading() {
        for (int i = 0; i < 7; i++) {
            rename(globex, "Globex " + i); // same instant: ties broken by workspace and sequence
        }
        List<ActivityEntry> expected = all(AuditFilter.all());
        List<ActivityEntry> paged = new ArrayList<>();
        Page<ActivityEntry> page = kit.audit().search(alice, AuditFilter.all(), PageRequest.first(3));
        paged.addAll(page.items());
        tick();
        rename(acme, "Acme while paging");
        while (page.nextCursor().isPresent()) {
            page = kit.audit().search(alice, AuditFilter.all(), PageRequest.after(page.nextCursor().get(), 3));
            paged.addAll(page.items());
        }

        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void onlyTenantAdminsMaySearchOrExport() {
        assertThatThrownBy(() -> kit.audit().search(bob, AuditFilter.all(), PageRequest.first()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.audit().search(carol, AuditFilter.all(), PageRequest.first()))
                .isInstanceOf(AccessDeniedException.class);
        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> kit.audit().export(carol, AuditFilter.all(), out))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadFilterOrCursorIsRefusedWithFieldErrors() {
        AuditFilter bad = AuditFilter.all().withAction("File Uploaded")
                .between(Optional.of(START), Optional.of(START.minusSeconds(1)));

        assertThatThrownBy(() -> kit.audit().search(alice, bad, PageRequest.first()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("action", "to"));
        assertThatThrownBy(() -> kit.audit().search(alice, AuditFilter.all(), PageRequest.after("bm9wZQ", 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("cursor"));
    }

    @Test
    void theExportHasAHeaderAndOneLineWithItsChainPerMatchingEntryAcrossStorePages() {
        int renames = AuditService.EXPORT_PAGE + 10;
        for (int i = 0; i < renames; i++) {
            rename(acme, "Acme " + i);
        }
        List<ActivityEntry> expected = new ArrayList<>();
        Page<ActivityEntry> page = kit.audit().search(alice, AuditFilter.all(), PageRequest.first(500));
        expected.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = kit.audit().search(alice, AuditFilter.all(), PageRequest.after(page.nextCursor().get(), 500));
            expected.addAll(page.items());
        }
        StringWriter out = new StringWriter();

        long written = kit.audit().export(alice, AuditFilter.all(), out);

        String[] lines = out.toString().split("\r\n");
        assertThat(written).isEqualTo(expected.size());
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines[0]).isEqualTo(String.join(",", AuditCsv.COLUMNS));
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < expected.size(); i++) {
            ActivityEntry e = expected.get(i);
            assertThat(lines[i + 1]).startsWith(e.occurredAt() + "," + e.workspaceId().value() + ",")
                    .endsWith("," + e.previousHash() + "," + e.hash());
            hashes.add(e.hash());
        }
        assertThat(hashes).hasSize(expected.size());
        assertThat(lines[1]).contains(",acme,");
    }

    @Test
    void theExportWritesOnlyWhatTheFilterMatches() {
        StringWriter out = new StringWriter();

        long written = kit.audit().export(alice, AuditFilter.all().withWorkspace(globex), out);

        assertThat(written).isEqualTo(log(globex).size());
        assertThat(List.of(out.toString().split("\r\n")).subList(1, (int) written + 1)).allSatisfy(line -> assertThat(line).contains(",globex,"));
    }
}
