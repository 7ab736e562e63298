package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Permission;
import io.clientworkspace.message.MessageEvent;
import io.clientworkspace.spring.web.ConversationDtos.LiveUpdateDto;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Live updates of conversations as server-sent events: each subscriber (an actor watching one workspace, or one
 * conversation of it) is sent a small {@link LiveUpdateDto} for every committed {@link MessageEvent} it may see,
 * never a message body.
 *
 * <p>It is a {@link DomainEventListener}, so it hears events after their unit of work committed. On the committing
 * thread it only does the cheap filtering (the workspace, the subscribed conversation, a {@code mentioned} event's
 * member, and: an event that is not {@link Visibility#CLIENT} is never queued for a client actor, who can never hold
 * the team-only {@link Permission#VIEW_INTERNAL}, so internal activity never takes a client's place) and appends the
 * event to each remaining subscriber's own bounded outbox ({@link Settings#outboxCapacity()} items). A small shared
 * pool of {@link Settings#senderThreads()} threads drains the outboxes, at most one send in flight per subscriber,
 * a few items at a time in turn. Before sending, it asks the kit, as the subscriber, whether that subscriber may see
 * the event now: the event's own visibility (an internal note's event, or the team-only start of General, reaches
 * only actors holding {@link Permission#VIEW_INTERNAL} in the workspace) and then the conversation or message itself
 * ({@code find}/{@code findMessage} as the subscriber, so a withdrawn file's conversation, a removed membership or an
 * internal conversation all send nothing). A {@code mentioned} event goes to the mentioned member only. What a client
 * receives is therefore the same whether or not internal notes and conversations exist.
 *
 * <p>A subscriber that does not read (a full TCP window) holds at most one sender thread, and only its own outbox
 * fills: when it is full, that subscription alone is ended (counted in {@link #overflowedSubscriptions()}, its
 * unsent events in {@link #droppedEvents()}, and logged; its {@code EventSource} reconnects and catches up by polling
 * with {@code since}), and every other subscriber still receives every event. Events reach each subscriber in the
 * order the kit delivered them.
 *
 * <p>Bounds: at most {@link Settings#maxPerUser()} subscriptions per user (a new one ends the user's oldest, as when
 * a browser tab is reloaded) and {@link Settings#maxTotal()} in all (beyond: {@link CapacityException}, answered 503);
 * each ends after {@link Settings#timeout()} (the browser's {@code EventSource} reconnects); a comment is sent every
 * {@link Settings#heartbeatInterval()} so that connections the peer closed are noticed and released. Completion,
 * timeout and errors all remove the subscription.
 */
public final class ConversationLiveUpdates implements DomainEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConversationLiveUpdates.class);

    /** The name of every event sent. */
    public static final String EVENT_NAME = "conversation";

    /** Items one sender task sends to one subscriber before the next subscriber's turn. */
    private static final int BATCH = 16;

    /**
     * How live updates are bounded.
     *
     * @param timeout           how long one subscription lasts (positive)
     * @param heartbeatInterval how often a comment is sent to every subscriber (zero or negative: never)
     * @param maxPerUser        subscriptions one user may hold at once (at least 1)
     * @param maxTotal          subscriptions held at once in all (at least 1)
     * @param outboxCapacity    events waiting to be sent to one subscriber at most; beyond, that subscription is
     *                          ended (at least 1)
     * @param senderThreads     threads sending to all subscribers, at most one send in flight per subscriber (at
     *                          least 1)
     */
    public record Settings(Duration timeout, Duration heartbeatInterval, int maxPerUser, int maxTotal,
                           int outboxCapacity, int senderThreads) {
        public Settings {
            requireNonNull(timeout, "timeout must not be null");
            requireNonNull(heartbeatInterval, "heartbeatInterval must not be null");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            if (maxPerUser < 1 || maxTotal < 1 || outboxCapacity < 1 || senderThreads < 1) {
                throw new IllegalArgumentException(
                        "maxPerUser, maxTotal, outboxCapacity and senderThreads must be at least 1");
            }
        }
    }

    /** Too many subscriptions are open; answered 503 {@code live-updates-unavailable}. */
    public static final class CapacityException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CapacityException(int max) {
            super("Live updates are at their limit of " + max + " open subscriptions; try again later, or poll"
                    + " GET .../conversations/{id}/messages?since=<last message id>");
        }
    }

    private record UserKey(TenantId tenantId, UserId userId) {
    }

    private record WorkspaceKey(TenantId tenantId, WorkspaceId workspaceId) {
    }

    /** What waits in a subscriber's outbox: an event to check and send, or a comment. */
    private sealed interface Outgoing permits EventItem, CommentItem {
    }

    private record EventItem(MessageEvent event) implements Outgoing {
    }

    private record CommentItem(String comment) implements Outgoing {
    }

    private static final class Subscription {
        final Actor actor;
        final WorkspaceId workspaceId;
        final Optional<ConversationId> conversation;
        final SseEmitter emitter;
        /** Guarded by {@code this}, as are the two flags. */
        final ArrayDeque<Outgoing> outbox = new ArrayDeque<>();
        /** A sender task is queued or running for this subscriber (so at most one send is in flight). */
        boolean scheduled;
        /** Ending: nothing more is queued or sent; the sender task completes the emitter. */
        boolean closing;

        Subscription(Actor actor, WorkspaceId workspaceId, Optional<ConversationId> conversation, SseEmitter emitter) {
            this.actor = actor;
            this.workspaceId = workspaceId;
            this.conversation = conversation;
            this.emitter = emitter;
        }
    }

    private final Supplier<WorkspaceKit> kit;
    private final Settings settings;
    private final LongFunction<SseEmitter> emitters;
    private final Object lock = new Object();
    private final Map<WorkspaceKey, Set<Subscription>> byWorkspace = new HashMap<>();
    private final Map<UserKey, Deque<Subscription>> byUser = new HashMap<>();
    private int total;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private volatile @Nullable ThreadPoolExecutor senders;
    private @Nullable ScheduledExecutorService heartbeats;
    private volatile boolean running;

    /**
     * @param kit the kit, looked up when first needed (the kit takes this listener when it is built)
     */
    public ConversationLiveUpdates(Supplier<WorkspaceKit> kit, Settings settings) {
        this(kit, settings, SseEmitter::new);
    }

    /** For tests: {@code emitters} makes each subscription's emitter from the timeout in milliseconds. */
    ConversationLiveUpdates(Supplier<WorkspaceKit> kit, Settings settings, LongFunction<SseEmitter> emitters) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.settings = requireNonNull(settings, "settings must not be null");
        this.emitters = requireNonNull(emitters, "emitters must not be null");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Opens a subscription for the actor, who the caller checked may read the workspace (and the conversation,
     * when one is given). Never blocks on a client: the first comment is sent by the sender pool.
     *
     * @throws CapacityException when {@link Settings#maxTotal()} subscriptions are open
     */
    public SseEmitter subscribe(Actor actor, WorkspaceId workspaceId, Optional<ConversationId> conversation) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversation, "conversation must not be null");
        SseEmitter emitter = emitters.apply(settings.timeout().toMillis());
        Subscription subscription = new Subscription(actor, workspaceId, conversation, emitter);
        List<Subscription> evicted = new ArrayList<>();
        synchronized (lock) {
            Deque<Subscription> mine = byUser.computeIfAbsent(new UserKey(actor.tenantId(), actor.userId()),
                    k -> new ArrayDeque<>());
            while (mine.size() >= settings.maxPerUser()) {
                Subscription oldest = mine.peekFirst();
                removeLocked(oldest);
                evicted.add(oldest);
            }
            if (total >= settings.maxTotal()) {
                if (mine.isEmpty()) {
                    byUser.remove(new UserKey(actor.tenantId(), actor.userId()));
                }
                evicted.forEach(this::close);
                throw new CapacityException(settings.maxTotal());
            }
            // Queued before anyone can see the subscription, so it is the first thing sent.
            subscription.outbox.add(new CommentItem("subscribed"));
            mine.addLast(subscription);
            byWorkspace.computeIfAbsent(new WorkspaceKey(actor.tenantId(), workspaceId), k -> new LinkedHashSet<>())
                    .add(subscription);
            total++;
        }
        evicted.forEach(this::close);
        emitter.onCompletion(() -> remove(subscription));
        emitter.onTimeout(() -> {
            remove(subscription);
            emitter.complete();
        });
        emitter.onError(error -> remove(subscription));
        boolean schedule;
        synchronized (subscription) {
            schedule = !subscription.scheduled && !subscription.outbox.isEmpty();
            subscription.scheduled |= schedule;
        }
        if (schedule) {
            schedule(subscription);
        }
        return emitter;
    }

    /** How many subscriptions are open now. */
    public int subscriptions() {
        synchronized (lock) {
            return total;
        }
    }

    /**
     * How many events were not sent since the start because their subscriber's outbox was full (the events waiting
     * in it when its subscription was ended, and the one that did not fit).
     */
    public long droppedEvents() {
        return dropped.get();
    }

    /** How many subscriptions were ended since the start because their outbox was full (a client not reading). */
    public long overflowedSubscriptions() {
        return overflowed.get();
    }

    /**
     * Queues the event for every subscriber of its workspace who might see it; cheap and non-blocking (it runs on
     * the thread that committed the change).
     */
    @Override
    public void onEvent(DomainEvent event) {
        if (!(event instanceof MessageEvent message) || !running) {
            return;
        }
        List<Subscription> subscribers;
        synchronized (lock) {
            Set<Subscription> watching = byWorkspace.get(new WorkspaceKey(message.tenantId(), message.workspace()));
            if (watching == null) {
                return;
            }
            subscribers = new ArrayList<>(watching);
        }
        boolean teamOnly = message.visibility() != Visibility.CLIENT;
        for (Subscription s : subscribers) {
            if (s.conversation.isPresent() && !s.conversation.get().equals(message.conversationId())) {
                continue;
            }
            // VIEW_INTERNAL is team-only: a client actor can never hold it, so it can never see this event.
            if (teamOnly && !s.actor.isTeam()) {
                continue;
            }
            if (message instanceof MessageEvent.MemberMentioned m && !m.mentioned().equals(s.actor.userId())) {
                continue;
            }
            enqueue(s, new EventItem(message));
        }
    }

    private void enqueue(Subscription s, EventItem item) {
        boolean schedule = false;
        int lost = 0;
        synchronized (s) {
            if (s.closing) {
                return;
            }
            if (s.outbox.size() >= settings.outboxCapacity()) {
                lost = s.outbox.size() + 1;
            } else {
                s.outbox.addLast(item);
                schedule = !s.scheduled;
                s.scheduled = true;
            }
        }
        if (lost > 0) {
            overflow(s, lost);
        } else if (schedule) {
            schedule(s);
        }
    }

    private void overflow(Subscription s, int lost) {
        dropped.addAndGet(lost);
        long n = overflowed.incrementAndGet();
        log.warn("Live updates ended a subscription of {} in workspace {}: {} events were waiting for it (outbox"
                        + " capacity {}), it does not read; it reconnects and catches up by polling ({} ended so far)",
                s.actor.userId(), s.workspaceId.value(), lost - 1, settings.outboxCapacity(), n);
        remove(s);
        close(s);
    }

    /** Ends the (already removed) subscription: its sender task completes the emitter once no send is in flight. */
    private void close(Subscription s) {
        boolean schedule;
        synchronized (s) {
            if (s.closing) {
                return;
            }
            s.closing = true;
            s.outbox.clear();
            schedule = !s.scheduled;
            s.scheduled = true;
        }
        if (schedule) {
            schedule(s);
        }
    }

    private void schedule(Subscription s) {
        ThreadPoolExecutor pool = senders;
        if (pool != null) {
            try {
                pool.execute(() -> drain(s));
                return;
            } catch (RejectedExecutionException e) {
                // shut down meanwhile
            }
        }
        boolean complete;
        synchronized (s) {
            s.scheduled = false;
            complete = s.closing;
        }
        if (complete) {
            s.emitter.complete();
        }
    }

    /** Runs on a sender thread: sends up to {@link #BATCH} items to the subscriber, then gives the others a turn. */
    private void drain(Subscription s) {
        for (int i = 0; ; i++) {
            Outgoing next;
            synchronized (s) {
                if (s.closing) {
                    s.outbox.clear();
                    next = null;
                } else if (s.outbox.isEmpty()) {
                    s.scheduled = false;
                    return;
                } else if (i == BATCH) {
                    next = null;
                } else {
                    next = s.outbox.pollFirst();
                }
            }
            if (next == null) {
                if (i == BATCH && !isClosing(s)) {
                    schedule(s);
                } else {
                    // Closing: nothing can be queued any more and this task stays the only one, so complete once.
                    s.emitter.complete();
                }
                return;
            }
            if (!send(s, next)) {
                return;
            }
        }
    }

    private static boolean isClosing(Subscription s) {
        synchronized (s) {
            return s.closing;
        }
    }

    /** Sends the item if the subscriber may see it; false when the send failed and ended the subscription. */
    private boolean send(Subscription s, Outgoing item) {
        SseEmitter.SseEventBuilder event;
        if (item instanceof EventItem e) {
            LiveUpdateDto update = visibleUpdate(s.actor, e.event());
            if (update == null) {
                return true;
            }
            event = SseEmitter.event().name(EVENT_NAME).data(update, MediaType.APPLICATION_JSON);
        } else {
            event = SseEmitter.event().comment(((CommentItem) item).comment());
        }
        try {
            s.emitter.send(event);
        } catch (IOException | RuntimeException e) {
            remove(s);
            synchronized (s) {
                // Ended by the error: nothing more is queued or sent, and this task (the only one) stops here.
                s.closing = true;
                s.outbox.clear();
            }
            s.emitter.completeWithError(e);
            return false;
        }
        return true;
    }

    /** The update the actor may see about the event now, or null. */
    private @Nullable LiveUpdateDto visibleUpdate(Actor actor, MessageEvent event) {
        try {
            WorkspaceKit k = kit.get();
            WorkspaceId ws = event.workspace();
            if (event.visibility() != Visibility.CLIENT
                    && !k.authorizer().grant(actor, ws).allows(Permission.VIEW_INTERNAL)) {
                return null;
            }
            String conversation = event.conversationId().value();
            if (event instanceof MessageEvent.ConversationStarted) {
                return k.conversations().find(actor, ws, event.conversationId()).isPresent()
                        ? new LiveUpdateDto(ws.value(), conversation, null, "started") : null;
            }
            if (event instanceof MessageEvent.MessagePosted e) {
                return message(k, actor, ws, conversation, e.messageId(), "posted");
            }
            if (event instanceof MessageEvent.MessageEdited e) {
                return message(k, actor, ws, conversation, e.messageId(), "edited");
            }
            if (event instanceof MessageEvent.MessageDeleted e) {
                return message(k, actor, ws, conversation, e.messageId(), "deleted");
            }
            if (event instanceof MessageEvent.MemberMentioned e && e.mentioned().equals(actor.userId())) {
                return message(k, actor, ws, conversation, e.messageId(), "mentioned");
            }
            return null;
        } catch (RuntimeException e) {
            // The subscriber may no longer see the workspace (a removed membership), or the feature failed: send nothing.
            log.debug("Live update not sent to {}: {}", actor.userId(), e.toString());
            return null;
        }
    }

    private static @Nullable LiveUpdateDto message(WorkspaceKit kit, Actor actor, WorkspaceId ws, String conversation,
                                                   io.clientworkspace.MessageId messageId, String kind) {
        return kit.conversations().findMessage(actor, ws, messageId).isPresent()
                ? new LiveUpdateDto(ws.value(), conversation, messageId.value(), kind) : null;
    }

    /** Queues a comment for every subscriber with nothing waiting (one with events waiting is being written to). */
    private void heartbeat() {
        List<Subscription> all;
        synchronized (lock) {
            all = byUser.values().stream().flatMap(Deque::stream).toList();
        }
        for (Subscription s : all) {
            boolean schedule = false;
            synchronized (s) {
                if (!s.closing && s.outbox.isEmpty() && !s.scheduled) {
                    s.outbox.addLast(new CommentItem("keep-alive"));
                    s.scheduled = true;
                    schedule = true;
                }
            }
            if (schedule) {
                schedule(s);
            }
        }
    }

    private void remove(Subscription s) {
        synchronized (lock) {
            removeLocked(s);
        }
    }

    private void removeLocked(Subscription s) {
        UserKey user = new UserKey(s.actor.tenantId(), s.actor.userId());
        Deque<Subscription> mine = byUser.get(user);
        if (mine == null || !mine.remove(s)) {
            return;
        }
        if (mine.isEmpty()) {
            byUser.remove(user);
        }
        WorkspaceKey workspace = new WorkspaceKey(s.actor.tenantId(), s.workspaceId);
        Set<Subscription> watching = byWorkspace.get(workspace);
        if (watching != null) {
            watching.remove(s);
            if (watching.isEmpty()) {
                byWorkspace.remove(workspace);
            }
        }
        total--;
    }

    /**
     * Starts the sender pool (and the heartbeat). A stopped instance can be started again (a paused test context is).
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        // At most one task per subscriber is ever queued, so the queue is bounded by the subscriptions.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.senderThreads(), settings.senderThreads(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemon("workspace-live-updates"));
        senders = pool;
        Duration every = settings.heartbeatInterval();
        if (!every.isZero() && !every.isNegative()) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    daemon("workspace-live-updates-heartbeat"));
            scheduler.scheduleWithFixedDelay(this::heartbeat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            heartbeats = scheduler;
        }
        running = true;
    }

    /**
     * Ends every subscription and stops the sender pool: a subscription with a send in flight is completed by its
     * sender once that send returns, so stopping never waits for a client.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        List<Subscription> all;
        synchronized (lock) {
            all = byUser.values().stream().flatMap(Deque::stream).toList();
            byUser.clear();
            byWorkspace.clear();
            total = 0;
        }
        all.forEach(this::close);
        ScheduledExecutorService scheduler = heartbeats;
        if (scheduler != null) {
            scheduler.shutdownNow();
            heartbeats = null;
        }
        ThreadPoolExecutor pool = senders;
        if (pool != null) {
            pool.shutdown();
            senders = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
