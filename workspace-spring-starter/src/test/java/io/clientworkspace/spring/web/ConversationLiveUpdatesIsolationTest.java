package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One subscriber that does not read (its send blocks, as on a full TCP window) neither delays nor drops the other
 * subscribers' events: each subscriber has its own bounded outbox, drained by a shared pool of two sender threads here.
 * The emitters are fakes that record what is sent; a stuck one waits on a latch. Nothing waits for a time: the tests
 * wait for latches and for the event of the last change.
 */
class ConversationLiveUpdatesIsolationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int OUTBOX = 3;

    /** Records what is sent; with a gate, every send first waits until the gate is open. */
    static final class FakeEmitter extends SseEmitter {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch completed = new CountDownLatch(1);
        private final CountDownLatch gate;

        FakeEmitter(CountDownLatch gate) {
            super(600_000L);
            this.gate = gate;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            sending.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sent.add(event.build().stream().map(d -> String.valueOf(d.getData())).collect(Collectors.joining()));
        }

        @Override
        public void complete() {
            completed.countDown();
            super.complete();
        }
    }

    private final CountDownLatch gate = new CountDownLatch(1);
    private final Deque<FakeEmitter> nextEmitters = new ArrayDeque<>();
    private ConversationLiveUpdates updates;
    private WorkspaceKit kit;
    private Actor admin;
    private Workspace workspace;
    private Conversation general;
    private Actor carol;
    private Actor dave;

    @BeforeEach
    void aWorkspaceWithTwoClients() {
        AtomicReference<WorkspaceKit> ref = new AtomicReference<>();
        updates = new ConversationLiveUpdates(ref::get, new ConversationLiveUpdates.Settings(Duration.ofMinutes(10),
                Duration.ZERO, 5, 100, OUTBOX, 2), timeout -> nextEmitters.removeFirst());
        kit = WorkspaceKit.builder().userDirectory((tenantId, userId) -> true).listener(updates).build();
        ref.set(kit);
        updates.start();
        TenantId tenant = kit.tenants().create("Agency", UserId.of("admin")).id();
        admin = Actor.team(tenant, "admin");
        workspace = kit.workspaces().create(admin, NewWorkspace.of("Acme", "acme"));
        general = kit.conversations().general(admin, workspace.id());
        carol = Actor.client(tenant, "carol");
        dave = Actor.client(tenant, "dave");
        kit.members().add(admin, workspace.id(), carol.userId(), WorkspaceRole.CLIENT_VIEWER);
        kit.members().add(admin, workspace.id(), dave.userId(), WorkspaceRole.CLIENT_VIEWER);
    }

    @AfterEach
    void openTheGateAndStop() {
        gate.countDown();
        updates.stop();
    }

    /** A subscriber whose every send waits until the gate opens; returns once its first send is stuck. */
    private FakeEmitter stuckSubscriber(Actor actor) throws InterruptedException {
        FakeEmitter stuck = new FakeEmitter(gate);
        nextEmitters.add(stuck);
        updates.subscribe(actor, workspace.id(), Optional.empty());
        assertThat(stuck.sending.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the first send started").isTrue();
        return stuck;
    }

    private FakeEmitter readingSubscriber(Actor actor) {
        FakeEmitter reader = new FakeEmitter(new CountDownLatch(0));
        nextEmitters.add(reader);
        updates.subscribe(actor, workspace.id(), Optional.empty());
        return reader;
    }

    /** Everything the emitter was sent up to and including the first item naming {@code last}. */
    private static List<String> receivedUntil(FakeEmitter emitter, String last) throws InterruptedException {
        List<String> received = new ArrayList<>();
        while (true) {
            String item = emitter.sent.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (item == null) {
                throw new AssertionError("not received within " + PATIENCE + ": " + last + "; so far " + received);
            }
            received.add(item);
            if (item.contains(last)) {
                return received;
            }
        }
    }

    private Message post(NewMessage message) {
        return kit.conversations().post(admin, workspace.id(), general.id(), message);
    }

    @Test
    void aSubscriberWhoseSendBlocksDoesNotStopAnotherFromReceivingAnEvent() throws Exception {
        stuckSubscriber(carol);
        FakeEmitter reader = readingSubscriber(dave);

        Message hello = post(NewMessage.of("hello"));

        assertThat(receivedUntil(reader, hello.id().value())).last().asString().contains("posted");
    }

    @Test
    void aSubscriberWhoseOutboxOverflowsIsEndedAndTheOthersStillGetEveryEvent() throws Exception {
        FakeEmitter stuck = stuckSubscriber(carol);
        FakeEmitter reader = readingSubscriber(dave);

        // One post at a time, each received by the reader before the next: only the stuck one's outbox fills.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < OUTBOX + 2; i++) {
            String id = post(NewMessage.of("message " + i)).id().value();
            ids.add(id);
            assertThat(receivedUntil(reader, id)).last().asString().contains("posted");
        }

        assertThat(updates.overflowedSubscriptions()).isEqualTo(1);
        assertThat(updates.subscriptions()).isEqualTo(1);
        gate.countDown();
        assertThat(stuck.completed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the stuck one completed").isTrue();
        assertThat(stuck.sent).noneSatisfy(item -> assertThat(item).containsAnyOf(ids.toArray(String[]::new)));
    }

    @Test
    void internalNotesNeverTakeAPlaceInAClientsOutbox() throws Exception {
        FakeEmitter stuck = stuckSubscriber(carol);
        for (int i = 0; i < OUTBOX + 2; i++) {
            post(NewMessage.note("internal " + i));
        }

        gate.countDown();
        Message hello = post(NewMessage.of("hello Carol"));

        List<String> received = receivedUntil(stuck, hello.id().value());
        assertThat(received).noneSatisfy(item -> assertThat(item).contains("internal"));
        assertThat(updates.overflowedSubscriptions()).isZero();
        assertThat(updates.subscriptions()).isEqualTo(1);
    }
}
