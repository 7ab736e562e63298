package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.RequestId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationKind;
import io.clientworkspace.message.Message;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.Priority;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1 in conversations and requests: a conversation list page, a messages page, the unread count across
 * workspaces and a request inbox page each run the same small number of SQL statements whether the tenant holds
 * 10 rows or 1,000 (and 3 or 50 workspaces for the unread count), for the team and for clients, with cold and
 * with warm permission caches. Counted with Hibernate's statistics. The measured numbers are printed as
 * {@code [statement-count] ...} lines.
 */
class ConversationStatementCountIT {

    private static final int SMALL = 10;
    private static final int LARGE = 1_000;

    /** One tenant seeded with {@code rows} conversations, messages and requests. */
    private record Seeded(Actor lead, Actor client, Actor reader, WorkspaceId ws, ConversationId busy) {
    }

    private record World(WorkspaceKit kit, Seeded small, Seeded large) {
    }

    private static final Map<TestDatabase, World> WORLDS = new EnumMap<>(TestDatabase.class);

    private static World world(TestDatabase db) {
        return WORLDS.computeIfAbsent(db, d -> {
            d.reset();
            Stores stores = JpaStores.create(d.emf());
            WorkspaceKit kit = WorkspaceKit.builder().stores(stores).userDirectory((tenant, user) -> true).build();
            return new World(kit, seed(kit, stores, "small", SMALL, 3), seed(kit, stores, "large", LARGE, 50));
        });
    }

    /**
     * A tenant whose first workspace holds {@code rows} topics, {@code rows} messages in one conversation (every
     * fourth an internal note) and {@code rows} requests, and a reader who is a client in {@code workspaces}
     * workspaces. Bulk rows go straight to the stores (the services would take minutes for 1,000 of each).
     */
    private static Seeded seed(WorkspaceKit kit, Stores stores, String name, int rows, int workspaces) {
        Tenant tenant = kit.tenants().create("Agency " + name, UserId.of("lead-" + name));
        Actor lead = Actor.team(tenant.id(), "lead-" + name);
        kit.tenants().addTeamMember(lead, UserId.of("bob-" + name), TenantRole.ACCOUNT_MANAGER);
        Actor bob = Actor.team(tenant.id(), "bob-" + name);
        Actor client = Actor.client(tenant.id(), "client-" + name);
        Actor reader = Actor.client(tenant.id(), "reader-" + name);
        List<Workspace> all = new ArrayList<>();
        for (int i = 0; i < workspaces; i++) {
            Workspace w = kit.workspaces().create(bob, NewWorkspace.of("Client " + i, String.format("%s-%02d", name, i)));
            kit.members().add(bob, w.id(), reader.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
            all.add(w);
        }
        WorkspaceId ws = all.get(0).id();
        kit.members().add(bob, ws, client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        ConversationId busy = kit.conversations().general(lead, ws).id();
        ConversationStore conversations = stores.require(ConversationStore.class);
        MessageStore messages = stores.require(MessageStore.class);
        RequestStore requests = stores.require(RequestStore.class);
        Instant start = Instant.parse("2031-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            Instant at = start.plusSeconds(i);
            Visibility visibility = i % 4 == 3 ? Visibility.TEAM : Visibility.CLIENT;
            conversations.insert(new Conversation(ConversationId.of(String.format("%s-c-%05d", name, i)), tenant.id(), ws,
                    ConversationKind.TOPIC, Optional.empty(), "Topic " + i, visibility, lead.userId(), at,
                    Optional.empty(), Optional.empty(), 0));
            messages.insert(new Message(MessageId.of(String.format("%s-m-%05d", name, i)), busy, tenant.id(), ws,
                    lead.userId(), ActorKind.TEAM, "message " + i, visibility, List.of(), Set.of(), at, Optional.empty(),
                    Optional.empty(), Optional.empty(), 0));
            conversations.recordMessage(tenant.id(), ws, busy, at, visibility);
            WorkspaceId target = all.get(i % all.size()).id();
            requests.insert(new ClientRequest(RequestId.of(String.format("%s-r-%05d", name, i)), tenant.id(), target,
                    "Request " + i, "", Priority.NORMAL, RequestStatus.SUBMITTED, Optional.empty(), Optional.empty(),
                    Optional.empty(), FormAnswers.empty(), List.of(), client.userId(), at, Optional.empty(),
                    Optional.empty(), Optional.empty(), 0));
        }
        return new Seeded(lead, client, reader, ws, busy);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aConversationListPageRunsTheSameStatementsFor10And1000Conversations(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "conversation list page (" + (team ? "team" : "client") + ")",
                    s -> () -> w.kit().conversations().list(team ? s.lead() : s.client(), s.ws(), PageRequest.first(SMALL)),
                    s -> () -> w.kit().conversations().list(team ? s.lead() : s.client(), s.ws(),
                            PageRequest.first(PageRequest.MAX_LIMIT)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessagesPageRunsTheSameStatementsFor10And1000Messages(TestDatabase db) {
        World w = world(db);
        for (boolean team : List.of(true, false)) {
            assertConstant(db, w, "messages page (" + (team ? "team" : "client") + ")",
                    s -> () -> w.kit().conversations().messages(team ? s.lead() : s.client(), s.ws(), s.busy(),
                            PageRequest.first(SMALL)),
                    s -> () -> w.kit().conversations().messages(team ? s.lead() : s.client(), s.ws(), s.busy(),
                            PageRequest.first(PageRequest.MAX_LIMIT)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theUnreadCountAcrossWorkspacesRunsTheSameStatementsFor3And50Workspaces(TestDatabase db) {
        World w = world(db);
        assertConstant(db, w, "unread across workspaces (client in 3 vs 50 workspaces)",
                s -> () -> w.kit().conversations().unreadAcrossWorkspaces(s.reader()),
                s -> () -> w.kit().conversations().unreadAcrossWorkspaces(s.reader()));
        assertThat(w.kit().conversations().unreadAcrossWorkspaces(w.large().reader())).hasSize(50);
        assertThat(w.kit().conversations().unreadAcrossWorkspaces(w.small().reader())).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRequestInboxPageRunsTheSameStatementsFor10And1000Requests(TestDatabase db) {
        World w = world(db);
        for (boolean admin : List.of(true, false)) {
            assertConstant(db, w, "request inbox page (" + (admin ? "tenant admin" : "account manager") + ")",
                    s -> () -> w.kit().requests().inbox(admin ? s.lead() : bob(s), InboxFilter.open(), PageRequest.first(SMALL)),
                    s -> () -> w.kit().requests().inbox(admin ? s.lead() : bob(s), InboxFilter.open(),
                            PageRequest.first(PageRequest.MAX_LIMIT)));
        }
        assertThat(w.kit().requests().inbox(bob(w.large()), InboxFilter.open(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items()).hasSize(PageRequest.MAX_LIMIT);
    }

    private static Actor bob(Seeded s) {
        return Actor.team(s.lead().tenantId(), s.lead().userId().value().replace("lead-", "bob-"));
    }

    /**
     * The small tenant's call (page of 10) and the large tenant's call (page of {@code PageRequest.MAX_LIMIT} over
     * 1,000 rows) run the same number of statements, cold and warm, and few.
     */
    private static void assertConstant(TestDatabase db, World w, String what,
                                       java.util.function.Function<Seeded, Supplier<Object>> small,
                                       java.util.function.Function<Seeded, Supplier<Object>> large) {
        // Cold: nothing cached (right after a start or a permission change); warm: the same call again.
        w.kit().authorizer().invalidateAll();
        long smallCold = count(db, small.apply(w.small()));
        long smallWarm = count(db, small.apply(w.small()));
        w.kit().authorizer().invalidateAll();
        long largeCold = count(db, large.apply(w.large()));
        long largeWarm = count(db, large.apply(w.large()));

        System.out.printf("[statement-count] %s, %s: %d rows -> %d cold / %d warm; %d rows -> %d cold / %d warm%n",
                db, what, SMALL, smallCold, smallWarm, LARGE, largeCold, largeWarm);
        assertThat(largeCold).as("%s: cold statements, large vs small", what).isEqualTo(smallCold);
        assertThat(largeWarm).as("%s: warm statements, large vs small", what).isEqualTo(smallWarm);
        assertThat(largeCold).as("%s: cold statements per page", what).isLessThanOrEqualTo(10);
        assertThat(largeWarm).as("%s: warm statements per page", what).isLessThanOrEqualTo(6);
    }

    private static long count(TestDatabase db, Supplier<Object> call) {
        Statistics statistics = db.statistics();
        statistics.clear();
        call.get();
        return statistics.getPrepareStatementCount();
    }
}
