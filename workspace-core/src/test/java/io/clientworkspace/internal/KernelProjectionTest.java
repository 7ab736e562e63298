package io.clientworkspace.internal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.workspace.WorkspaceEvent.WorkspaceCreated;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelProjectionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final TenantId TENANT = TenantId.of("t1");
    private static final Actor ACTOR = new Actor(TENANT, UserId.of("alice"), ActorKind.TEAM);

    private final Stores stores = InMemoryStores.create();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Kernel kernel = new Kernel(stores, clock, IdGenerator.timeOrdered(clock), new InputValidator(),
            new EventDispatcher());

    private static WorkspaceCreated created(String id) {
        return new WorkspaceCreated(TENANT, WorkspaceId.of(id), id, "Workspace " + id, ACTOR, NOW);
    }

    @Test
    void aProjectionSeesEveryEventOfAnOperationOnceInOrderWithTheOperationsTime() {
        List<List<DomainEvent>> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        kernel.addProjection((events, now) -> {
            seen.add(events);
            times.add(now);
        });

        kernel.write(changes -> {
            changes.publish(created("w1"));
            changes.publish(created("w2"));
            return null;
        });

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).extracting(e -> e.workspaceId().orElseThrow().value()).containsExactly("w1", "w2");
        assertThat(times).containsExactly(NOW);
    }

    @Test
    void aProjectionRunsAfterTheOperationsOwnWritesInsideItsUnitOfWork() {
        List<Boolean> activeWhenProjected = new ArrayList<>();
        List<Long> entriesWhenProjected = new ArrayList<>();
        kernel.addProjection((events, now) -> {
            activeWhenProjected.add(stores.unitOfWork().isActive());
            entriesWhenProjected.add(stores.activity().latest(TENANT, WorkspaceId.of("w1"))
                    .map(e -> e.sequence()).orElse(0L));
        });

        kernel.write(changes -> {
            changes.publish(created("w1"));
            return null;
        });

        assertThat(activeWhenProjected).containsExactly(true);
        assertThat(entriesWhenProjected).containsExactly(1L);
    }

    @Test
    void anOperationThatPublishesNothingRunsNoProjection() {
        List<List<DomainEvent>> seen = new ArrayList<>();
        kernel.addProjection((events, now) -> seen.add(events));

        kernel.write(changes -> "nothing happened");

        assertThat(seen).isEmpty();
    }

    @Test
    void aFailingProjectionRollsTheWholeOperationBack() {
        kernel.addProjection((events, now) -> {
            throw new IllegalStateException("read model unavailable");
        });

        assertThatThrownBy(() -> kernel.write(changes -> {
            changes.publish(created("w1"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessage("read model unavailable");

        assertThat(stores.activity().latest(TENANT, WorkspaceId.of("w1"))).isEmpty();
    }

    @Test
    void projectionsRunInRegistrationOrder() {
        List<String> order = new ArrayList<>();
        kernel.addProjection((events, now) -> order.add("dashboard"));
        kernel.addProjection((events, now) -> order.add("insights"));

        kernel.write(changes -> {
            changes.publish(created("w1"));
            return null;
        });

        assertThat(order).containsExactly("dashboard", "insights");
    }
}
