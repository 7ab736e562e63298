package io.clientworkspace.tck;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.EventOutbox;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantEvent;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of {@link EventOutbox}, for stores that have one ({@link io.clientworkspace.spi.Stores#outbox()}
 * present; every test is skipped otherwise): events staged in a unit of work exist exactly when it
 * commits, {@code relay} hands over every staged and undelivered event, oldest first, up to its limit,
 * equal to what was staged, and delivery is at least once, also when a delivery fails or several relays
 * run at once. Extend it and implement {@link #createStores()}.
 *
 * <p>The events occur "now" and the relay cut-offs lie a day before or after, so that the tests hold
 * whether an outbox stamps the staging time from the event or from its own clock.
 */
public abstract class EventOutboxContract extends StoreContractSupport {

    private Tenant tenant;
    private Workspace workspace;

    @BeforeEach
    final void requireAnOutbox() {
        assumeTrue(stores().outbox().isPresent(), "these stores have no event outbox");
        tenant = storedTenant();
        workspace = storedWorkspace(tenant);
    }

    private EventOutbox outbox() {
        return stores().outbox().orElseThrow();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A cut-off after every event staged so far. */
    private static Instant later() {
        return now().plus(Duration.ofDays(1));
    }

    /** A cut-off before every event staged so far. */
    private static Instant earlier() {
        return now().minus(Duration.ofDays(1));
    }

    private Actor admin() {
        return Actor.team(tenant.id(), "admin-" + tenant.id().value());
    }

    /** One event of several kinds, each with nested values (roles, instants, optionals, a whole workspace). */
    private List<DomainEvent> eventsOfEveryShape() {
        TenantId t = tenant.id();
        Instant at = now();
        Workspace renamed = workspace.withName("Renamed “quoted” ✓", at);
        return List.of(
                new TenantEvent.TenantCreated(t, tenant.name(), admin(), at),
                new TenantEvent.TeamMemberChanged(t, data.userId(), TenantRole.ACCOUNT_MANAGER, admin(), at),
                new WorkspaceEvent.WorkspaceUpdated(t, workspace.id(), WorkspaceEvent.Change.RENAMED, workspace, renamed,
                        admin(), at),
                new MemberEvent.MemberAdded(t, workspace.id(), data.userId(), WorkspaceRole.CLIENT_ADMIN, admin(), at),
                new MemberEvent.InvitationCreated(t, workspace.id(), data.invitationId(), data.email(),
                        WorkspaceRole.CLIENT_VIEWER, at.plus(Duration.ofDays(7)), admin(), at),
                new MemberEvent.PermissionMatrixChanged(t, admin(), at));
    }

    private DomainEvent event(int n) {
        return new MemberEvent.MemberAdded(tenant.id(), workspace.id(), data.userId(),
                WorkspaceRole.values()[n % WorkspaceRole.values().length], admin(), now());
    }

    private List<Long> stage(List<DomainEvent> events) {
        return inUnitOfWork(() -> outbox().stage(events));
    }

    private List<DomainEvent> relayAll(int limit) {
        List<DomainEvent> delivered = new ArrayList<>();
        int count = outbox().relay(later(), limit, delivered::add);
        assertThat(count).as("relay returns how many it delivered").isEqualTo(delivered.size());
        return delivered;
    }

    @Test
    void stageReturnsOneDistinctReceiptPerEvent() {
        List<DomainEvent> events = eventsOfEveryShape();

        List<Long> receipts = stage(events);

        assertThat(receipts).hasSize(events.size()).doesNotHaveDuplicates();
    }

    @Test
    void relayHandsOverEveryStagedEventUnchanged() {
        List<DomainEvent> events = eventsOfEveryShape();
        stage(events);

        List<DomainEvent> delivered = relayAll(100);

        assertThat(delivered).containsExactlyElementsOf(events);
    }

    @Test
    void relayHandsOverTheOldestEventsFirst() {
        List<DomainEvent> events = IntStream.range(0, 5).mapToObj(this::event).toList();
        events.forEach(e -> stage(List.of(e)));

        assertThat(relayAll(100)).containsExactlyElementsOf(events);
    }

    @Test
    void relayedEventsAreNotRelayedAgain() {
        stage(eventsOfEveryShape());
        relayAll(100);

        assertThat(relayAll(100)).isEmpty();
    }

    @Test
    void relayHandsOverAtMostLimitEventsAndTheRestNextTime() {
        List<DomainEvent> events = IntStream.range(0, 5).mapToObj(this::event).toList();
        events.forEach(e -> stage(List.of(e)));

        assertThat(relayAll(2)).containsExactlyElementsOf(events.subList(0, 2));
        assertThat(relayAll(2)).containsExactlyElementsOf(events.subList(2, 4));
        assertThat(relayAll(2)).containsExactly(events.get(4));
    }

    @Test
    void eventsMarkedDeliveredAreNotRelayed() {
        List<DomainEvent> events = IntStream.range(0, 4).mapToObj(this::event).toList();
        List<Long> receipts = stage(events);

        outbox().markDelivered(List.of(receipts.get(0), receipts.get(2)));

        assertThat(relayAll(100)).containsExactly(events.get(1), events.get(3));
    }

    @Test
    void markDeliveredIgnoresUnknownReceipts() {
        List<Long> receipts = stage(List.of(event(1)));
        long unknown = receipts.get(0) + 1_000_000;

        outbox().markDelivered(List.of(unknown));
        outbox().markDelivered(List.of());

        assertThat(relayAll(100)).hasSize(1);
    }

    @Test
    void eventsStagedAfterTheCutoffWait() {
        DomainEvent event = event(1);
        stage(List.of(event));

        List<DomainEvent> tooEarly = new ArrayList<>();
        assertThat(outbox().relay(earlier(), 100, tooEarly::add)).isZero();

        assertThat(tooEarly).isEmpty();
        assertThat(relayAll(100)).containsExactly(event);
    }

    @Test
    void eventsStagedInAFailedUnitOfWorkDoNotExist() {
        Throwable thrown = catchThrowable(() -> stores().unitOfWork().execute(() -> {
            outbox().stage(eventsOfEveryShape());
            throw new IllegalStateException("the change failed");
        }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(relayAll(100)).isEmpty();
    }

    @Test
    void anEventWhoseDeliveryFailedIsRelayedAgain() {
        List<DomainEvent> events = IntStream.range(0, 3).mapToObj(this::event).toList();
        stage(events);
        List<DomainEvent> delivered = new ArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();

        // Whether the relay reports the listener's failure or only logs it is up to the outbox.
        Throwable unused = catchThrowable(() -> outbox().relay(later(), 100, e -> {
            if (e.equals(events.get(1)) && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("the listener failed");
            }
            delivered.add(e);
        }));
        delivered.addAll(relayAll(100));

        assertThat(failedOnce).isTrue();
        assertThat(delivered).as("at least once").containsAll(events);
        assertThat(relayAll(100)).isEmpty();
    }

    @Test
    void concurrentRelaysDeliverEveryEventAtLeastOnce() {
        List<DomainEvent> events = IntStream.range(0, 40).mapToObj(this::event).toList();
        stage(events);
        List<DomainEvent> delivered = new CopyOnWriteArrayList<>();

        Concurrently.Outcomes<Integer> outcomes = Concurrently.run(thread -> {
            int total = 0;
            for (int round = 0; round < 100; round++) {
                int relayed = outbox().relay(later(), 5, delivered::add);
                total += relayed;
                if (relayed == 0) {
                    break;
                }
            }
            return total;
        });

        assertThat(outcomes.failures()).isEmpty();
        Set<DomainEvent> distinct = new HashSet<>(delivered);
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(events);
        assertThat(relayAll(100)).isEmpty();
    }
}
