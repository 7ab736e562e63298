package io.clientworkspace.memory;

import java.util.Set;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.MessageRevision;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spi.MessageStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link MessageStore} in memory; counts unread messages against the {@link InMemoryReadMarkerStore} and the
 * {@link InMemoryConversationStore} of its set.
 */
final class InMemoryMessageStore implements MessageStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, MessageId id) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryReadMarkerStore markers;
    private final InMemoryConversationStore conversations;
    private final Map<Key, Message> messages = new HashMap<>();
    private final Map<Key, List<MessageRevision>> revisions = new HashMap<>();

    InMemoryMessageStore(InMemoryTransactions tx, InMemoryReadMarkerStore markers, InMemoryConversationStore conversations) {
        this.tx = requireNonNull(tx, "tx must not be null");
        this.conversations = requireNonNull(conversations, "conversations must not be null");
        this.markers = requireNonNull(markers, "markers must not be null");
    }

    @Override
    public Message insert(Message message) {
        requireNonNull(message, "message must not be null");
        return tx.write(() -> {
            Key key = key(message);
            if (messages.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Message '" + message.id() + "' already exists");
            }
            Message stored = message.withVersion(0);
            messages.put(key, stored);
            return new Undoable<>(stored, () -> messages.remove(key));
        });
    }

    @Override
    public Message update(Message message) {
        requireNonNull(message, "message must not be null");
        return tx.write(() -> {
            Key key = key(message);
            Message current = messages.get(key);
            if (current == null || current.version() != message.version()) {
                throw ConflictException.staleVersion("message", message.id().value(), message.version());
            }
            Message stored = message.withVersion(current.version() + 1);
            messages.put(key, stored);
            return new Undoable<>(stored, () -> messages.put(key, current));
        });
    }

    @Override
    public Optional<Message> find(TenantId tenantId, WorkspaceId workspaceId, MessageId id) {
        return tx.read(() -> Optional.ofNullable(messages.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<Message> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                         boolean includeInternal, Optional<MessageId> beforeId, int limit) {
        requireNonNull(beforeId, "beforeId must not be null");
        return tx.read(() -> messages.values().stream()
                .filter(m -> inConversation(m, tenantId, workspaceId, conversationId, includeInternal))
                .filter(m -> beforeId.isEmpty() || m.id().compareTo(beforeId.get()) < 0)
                .sorted(Comparator.comparing(Message::id).reversed()).limit(limit).toList());
    }

    @Override
    public List<Message> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                         boolean includeInternal, Optional<MessageId> afterId, int limit) {
        requireNonNull(afterId, "afterId must not be null");
        return tx.read(() -> messages.values().stream()
                .filter(m -> inConversation(m, tenantId, workspaceId, conversationId, includeInternal))
                .filter(m -> afterId.isEmpty() || m.id().compareTo(afterId.get()) > 0)
                .sorted(Comparator.comparing(Message::id)).limit(limit).toList());
    }

    @Override
    public void appendRevision(TenantId tenantId, WorkspaceId workspaceId, MessageRevision revision) {
        requireNonNull(revision, "revision must not be null");
        tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, revision.messageId());
            if (!messages.containsKey(key)) {
                throw ConflictException.staleVersion("message revision", revision.messageId().value(), revision.revision());
            }
            List<MessageRevision> record = revisions.computeIfAbsent(key, k -> new ArrayList<>());
            if (revision.revision() != record.size() + 1) {
                throw ConflictException.staleVersion("message revision", revision.messageId().value(), revision.revision());
            }
            record.add(revision);
            return new Undoable<>(null, () -> record.remove(record.size() - 1));
        });
    }

    @Override
    public List<MessageRevision> revisions(TenantId tenantId, WorkspaceId workspaceId, MessageId messageId) {
        return tx.read(() -> List.copyOf(revisions.getOrDefault(new Key(tenantId, workspaceId, messageId), List.of())));
    }

    @Override
    public Map<WorkspaceId, Long> countUnread(TenantId tenantId, UserId userId, Map<WorkspaceId, Boolean> includeInternal,
                                              Optional<ConversationId> conversationId) {
        requireNonNull(userId, "userId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        return tx.read(() -> {
            Map<WorkspaceId, Long> counts = new LinkedHashMap<>();
            includeInternal.keySet().forEach(w -> counts.put(w, 0L));
            for (Message m : messages.values()) {
                Boolean internal = includeInternal.get(m.workspaceId());
                if (!m.tenantId().equals(tenantId) || internal == null || m.deleted() || m.authorId().equals(userId)
                        || (!internal && (m.visibility() != Visibility.CLIENT
                        || !conversations.isClientVisible(tenantId, m.workspaceId(), m.conversationId())))
                        || (conversationId.isPresent() && !conversationId.get().equals(m.conversationId()))) {
                    continue;
                }
                Optional<MessageId> read = markers.peek(tenantId, m.workspaceId(), userId, m.conversationId())
                        .map(ReadMarker::lastRead);
                if (read.isEmpty() || m.id().compareTo(read.get()) > 0) {
                    counts.merge(m.workspaceId(), 1L, Long::sum);
                }
            }
            return Map.copyOf(counts);
        });
    }

    private static boolean inConversation(Message m, TenantId tenantId, WorkspaceId workspaceId,
                                          ConversationId conversationId, boolean includeInternal) {
        return m.tenantId().equals(tenantId) && m.workspaceId().equals(workspaceId)
                && m.conversationId().equals(conversationId) && (includeInternal || m.visibility() == Visibility.CLIENT);
    }

    private static Key key(Message m) {
        return new Key(m.tenantId(), m.workspaceId(), m.id());
    }

    @Override
    public Map<WorkspaceId, Long> countUnreadFromClients(TenantId tenantId, UserId userId,
                                                         Set<WorkspaceId> workspaceIds) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(workspaceIds, "workspaceIds must not be null");
        return tx.read(() -> {
            Map<WorkspaceId, Long> counts = new LinkedHashMap<>();
            workspaceIds.forEach(w -> counts.put(w, 0L));
            for (Message m : messages.values()) {
                if (!m.tenantId().equals(tenantId) || !workspaceIds.contains(m.workspaceId()) || m.deleted()
                        || m.authorKind() != io.clientworkspace.ActorKind.CLIENT || m.authorId().equals(userId)) {
                    continue;
                }
                Optional<MessageId> read = markers.peek(tenantId, m.workspaceId(), userId, m.conversationId())
                        .map(ReadMarker::lastRead);
                if (read.isEmpty() || m.id().compareTo(read.get()) > 0) {
                    counts.merge(m.workspaceId(), 1L, Long::sum);
                }
            }
            return Map.copyOf(counts);
        });
    }
}
