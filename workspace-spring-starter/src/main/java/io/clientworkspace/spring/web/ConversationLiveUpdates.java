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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Live updates of conversations as server-sent events: each subscriber (an actor watching one workspace, or one
 * conversation of it) is sent a small {@link LiveUpdateDto} for every committed {@link MessageEvent} it may see,
 * never a message body.
 *
 * <p>It is a {@link DomainEventListener}, so it hears events after their unit of work committed. It hands them to
 * one dispatcher thread (a bounded queue: when it is full, events are dropped and counted, and subscribers catch up
 * by polling with {@code since}), which asks the kit, as each subscriber, whether that subscriber may see the event
 * now: the event's own visibility (an internal note's event, or the team-only start of General, reaches only actors
 * holding {@link Permission#VIEW_INTERNAL} in the workspace) and then the conversation or message itself
 * ({@code find}/{@code findMessage} as the subscriber, so a withdrawn file's conversation, a removed membership or an
 * internal conversation all send nothing). A {@code mentioned} event goes to the mentioned member only. What a client
 * receives is therefore the same whether or not internal notes and conversations exist.
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

    /**
     * How live updates are bounded.
     *
     * @param timeout           how long one subscription lasts (positive)
     * @param heartbeatInterval how often a comment is sent to every subscriber (zero or negative: never)
     * @param maxPerUser        subscriptions one user may hold at once (at least 1)
     * @param maxTotal          subscriptions held at once in all (at least 1)
     * @param queueCapacity     events waiting for the dispatcher at most (at least 1)
     */
    public record Settings(Duration timeout, Duration heartbeatInterval, int maxPerUser, int maxTotal,
                           int queueCapacity) {
        public Settings {
            requireNonNull(timeout, "timeout must not be null");
            requireNonNull(heartbeatInterval, "heartbeatInterval must not be null");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            if (maxPerUser < 1 || maxTotal < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("maxPerUser, maxTotal and queueCapacity must be at least 1");
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

    private static final class Subscription {
        final Actor actor;
        final WorkspaceId workspaceId;
        final Optional<ConversationId> conversation;
        final SseEmitter emitter;

        Subscription(Actor actor, WorkspaceId workspaceId, Optional<ConversationId> conversation, SseEmitter emitter) {
            this.actor = actor;
            this.workspaceId = workspaceId;
            this.conversation = conversation;
            this.emitter = emitter;
        }
    }

    private final Supplier<WorkspaceKit> kit;
    private final Settings settings;
    private final Object lock = new Object();
    private final Map<WorkspaceKey, Set<Subscription>> byWorkspace = new HashMap<>();
    private final Map<UserKey, Deque<Subscription>> byUser = new HashMap<>();
    private int total;
    private final AtomicLong dropped = new AtomicLong();
    private volatile @Nullable ThreadPoolExecutor dispatcher;
    private @Nullable ScheduledExecutorService heartbeats;
    private volatile boolean running;

    /**
     * @param kit the kit, looked up when first needed (the kit takes this listener when it is built)
     */
    public ConversationLiveUpdates(Supplier<WorkspaceKit> kit, Settings settings) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.settings = requireNonNull(settings, "settings must not be null");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Opens a subscription for the actor, who the caller checked may read the workspace (and the conversation,
     * when one is given).
     *
     * @throws CapacityException when {@link Settings#maxTotal()} subscriptions are open
     */
    public SseEmitter subscribe(Actor actor, WorkspaceId workspaceId, Optional<ConversationId> conversation) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversation, "conversation must not be null");
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
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
                throw new CapacityException(settings.maxTotal());
            }
            mine.addLast(subscription);
            byWorkspace.computeIfAbsent(new WorkspaceKey(actor.tenantId(), workspaceId), k -> new LinkedHashSet<>())
                    .add(subscription);
            total++;
        }
        evicted.forEach(s -> s.emitter.complete());
        emitter.onCompletion(() -> remove(subscription));
        emitter.onTimeout(() -> {
            remove(subscription);
            emitter.complete();
        });
        emitter.onError(error -> remove(subscription));
        try {
            emitter.send(SseEmitter.event().comment("subscribed"));
        } catch (IOException | IllegalStateException e) {
            remove(subscription);
        }
        return emitter;
    }

    /** How many subscriptions are open now. */
    public int subscriptions() {
        synchronized (lock) {
            return total;
        }
    }

    /** How many events were dropped since the start because the dispatcher's queue was full. */
    public long droppedEvents() {
        return dropped.get();
    }

    @Override
    public void onEvent(DomainEvent event) {
        if (!(event instanceof MessageEvent message) || !running) {
            return;
        }
        synchronized (lock) {
            if (!byWorkspace.containsKey(new WorkspaceKey(message.tenantId(), message.workspace()))) {
                return;
            }
        }
        ThreadPoolExecutor current = dispatcher;
        if (current == null) {
            return;
        }
        try {
            current.execute(() -> deliver(message));
        } catch (RejectedExecutionException e) {
            // shut down meanwhile: nobody is listening any more
        }
    }

    private void deliver(MessageEvent event) {
        List<Subscription> subscribers;
        synchronized (lock) {
            subscribers = new ArrayList<>(byWorkspace.getOrDefault(
                    new WorkspaceKey(event.tenantId(), event.workspace()), Set.of()));
        }
        for (Subscription s : subscribers) {
            if (s.conversation.isPresent() && !s.conversation.get().equals(event.conversationId())) {
                continue;
            }
            LiveUpdateDto update = visibleUpdate(s.actor, event);
            if (update != null) {
                send(s, SseEmitter.event().name(EVENT_NAME).data(update, MediaType.APPLICATION_JSON));
            }
        }
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

    private void send(Subscription s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            remove(s);
            s.emitter.completeWithError(e);
        }
    }

    private void heartbeat() {
        List<Subscription> all;
        synchronized (lock) {
            all = byUser.values().stream().flatMap(Deque::stream).toList();
        }
        for (Subscription s : all) {
            send(s, SseEmitter.event().comment("keep-alive"));
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
     * Starts the dispatcher (and the heartbeat). A stopped instance can be started again (a paused test context is).
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), daemon("workspace-live-updates"),
                (task, executor) -> {
                    long n = dropped.incrementAndGet();
                    if (n == 1 || n % 1000 == 0) {
                        log.warn("Live updates dropped {} event(s) in all: the dispatcher's queue of {} is full;"
                                + " subscribers catch up by polling", n, settings.queueCapacity());
                    }
                });
        Duration every = settings.heartbeatInterval();
        if (!every.isZero() && !every.isNegative()) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    daemon("workspace-live-updates-heartbeat"));
            scheduler.scheduleWithFixedDelay(this::heartbeat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
            heartbeats = scheduler;
        }
        running = true;
    }

    /** Ends every subscription and stops the dispatcher. */
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
        all.forEach(s -> s.emitter.complete());
        ScheduledExecutorService scheduler = heartbeats;
        if (scheduler != null) {
            scheduler.shutdownNow();
            heartbeats = null;
        }
        ThreadPoolExecutor current = dispatcher;
        if (current != null) {
            current.shutdown();
            dispatcher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
