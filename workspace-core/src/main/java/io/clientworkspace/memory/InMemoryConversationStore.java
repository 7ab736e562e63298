package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationKind;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.spi.ConversationStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** {@link ConversationStore} in memory. */
final class InMemoryConversationStore implements ConversationStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, Conversation> conversations = new HashMap<>();

    InMemoryConversationStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Conversation insert(Conversation conversation) {
        requireNonNull(conversation, "conversation must not be null");
        return tx.write(() -> {
            Key key = key(conversation);
            if (conversations.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Conversation '" + conversation.id() + "' already exists");
            }
            boolean taken = inWorkspace(conversation.tenantId(), conversation.workspaceId()).anyMatch(c ->
                    (conversation.kind() == ConversationKind.GENERAL && c.kind() == ConversationKind.GENERAL)
                            || (conversation.item().isPresent() && conversation.item().equals(c.item())));
            if (taken) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, conversation.kind() == ConversationKind.GENERAL
                        ? "The workspace already has its General conversation"
                        : "The item already has a conversation");
            }
            Conversation stored = conversation.withVersion(0);
            conversations.put(key, stored);
            return new Undoable<>(stored, () -> conversations.remove(key));
        });
    }

    @Override
    public Conversation update(Conversation conversation) {
        requireNonNull(conversation, "conversation must not be null");
        return tx.write(() -> {
            Key key = key(conversation);
            Conversation current = conversations.get(key);
            if (current == null || current.version() != conversation.version()) {
                throw ConflictException.staleVersion("conversation", conversation.id().value(), conversation.version());
            }
            Conversation stored = conversation.withVersion(current.version() + 1);
            conversations.put(key, stored);
            return new Undoable<>(stored, () -> conversations.put(key, current));
        });
    }

    @Override
    public void recordMessage(TenantId tenantId, WorkspaceId workspaceId, ConversationId id, Instant at,
                              Visibility visibility) {
        requireNonNull(at, "at must not be null");
        requireNonNull(visibility, "visibility must not be null");
        tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            Conversation current = conversations.get(key);
            if (current == null) {
                return new Undoable<>(null, () -> { });
            }
            Conversation moved = new Conversation(current.id(), current.tenantId(), current.workspaceId(), current.kind(),
                    current.item(), current.title(), current.visibility(), current.createdBy(), current.createdAt(),
                    Optional.of(latest(current.lastMessageAt(), at)),
                    visibility == Visibility.CLIENT ? Optional.of(latest(current.lastClientMessageAt(), at))
                            : current.lastClientMessageAt(), current.version());
            conversations.put(key, moved);
            return new Undoable<>(null, () -> conversations.put(key, current));
        });
    }

    private static Instant latest(Optional<Instant> before, Instant at) {
        return before.filter(b -> b.isAfter(at)).orElse(at);
    }

    @Override
    public Optional<Conversation> find(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
        return tx.read(() -> Optional.ofNullable(conversations.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public Optional<Conversation> findGeneral(TenantId tenantId, WorkspaceId workspaceId) {
        return tx.read(() -> inWorkspace(tenantId, workspaceId).filter(c -> c.kind() == ConversationKind.GENERAL).findFirst());
    }

    @Override
    public Optional<Conversation> findForItem(TenantId tenantId, WorkspaceId workspaceId, ItemRef item) {
        requireNonNull(item, "item must not be null");
        return tx.read(() -> inWorkspace(tenantId, workspaceId).filter(c -> c.item().equals(Optional.of(item))).findFirst());
    }

    @Override
    public List<Conversation> list(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal,
                                   Optional<Position> after, int limit) {
        requireNonNull(after, "after must not be null");
        Function<Conversation, Instant> activity = includeInternal ? Conversation::activityAt : Conversation::clientActivityAt;
        Comparator<Conversation> newestFirst = Comparator.comparing(activity).thenComparing(Conversation::id).reversed();
        return tx.read(() -> inWorkspace(tenantId, workspaceId)
                .filter(c -> includeInternal || c.visibility() == Visibility.CLIENT)
                .filter(c -> after.isEmpty() || isAfter(activity.apply(c), c.id(), after.get()))
                .sorted(newestFirst).limit(limit).toList());
    }

    /** For the message store's unread counts, inside its read: whether the conversation exists and is CLIENT. */
    boolean isClientVisible(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
        Conversation c = conversations.get(new Key(tenantId, workspaceId, id));
        return c != null && c.visibility() == Visibility.CLIENT;
    }

    /** Whether (at, id) comes after the position in newest-first order. */
    private static boolean isAfter(Instant at, ConversationId id, Position position) {
        int byTime = at.compareTo(position.activityAt());
        return byTime < 0 || (byTime == 0 && id.compareTo(position.id()) < 0);
    }

    private java.util.stream.Stream<Conversation> inWorkspace(TenantId tenantId, WorkspaceId workspaceId) {
        return conversations.values().stream()
                .filter(c -> c.tenantId().equals(tenantId) && c.workspaceId().equals(workspaceId));
    }

    private static Key key(Conversation c) {
        return new Key(c.tenantId(), c.workspaceId(), c.id());
    }
}
