package io.clientworkspace.jpa;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FileId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.MessageEntity;
import io.clientworkspace.jpa.entity.MessageRevisionEntity;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.MessageRevision;
import io.clientworkspace.spi.MessageStore;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link MessageStore} on JPA. A message is one row (attachments and mentions encoded in one column each), so a
 * page is one keyset statement on {@code (tenant, workspace, conversation[, visibility], id)}; previous bodies
 * are rows of their own keyed by revision, so two appends of one revision cannot both succeed. Unread counts
 * are one grouped statement joining messages, their conversations (visibility) and the reader's markers.
 */
public final class JpaMessageStore extends JpaStoreSupport implements MessageStore {

    /** Separates ids in the encoded columns; ids never contain control characters. */
    private static final String SEPARATOR = "\n";

    public JpaMessageStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Message insert(Message message) {
        requireNonNull(message, "message must not be null");
        return tx(() -> {
            if (em().find(MessageEntity.class, key(message.tenantId(), message.workspaceId(), message.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Message '" + message.id() + "' already exists");
            }
            MessageEntity e = new MessageEntity(message.tenantId().value(), message.workspaceId().value(), message.id().value());
            e.conversationId = message.conversationId().value();
            e.authorId = message.authorId().value();
            e.authorKind = message.authorKind().name();
            e.createdAt = message.createdAt();
            e.version = 0;
            copy(message, e);
            return toDomain(insert(e, "message", message.id().value()));
        });
    }

    @Override
    public Message update(Message message) {
        requireNonNull(message, "message must not be null");
        return tx(() -> {
            MessageEntity e = em().find(MessageEntity.class, key(message.tenantId(), message.workspaceId(), message.id()));
            if (e == null || e.version != message.version()) {
                throw ConflictException.staleVersion("message", message.id().value(), message.version());
            }
            copy(message, e);
            return toDomain(saveVersioned(e, message.version(), entity -> entity.version, "message", message.id().value()));
        });
    }

    @Override
    public Optional<Message> find(TenantId tenantId, WorkspaceId workspaceId, MessageId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(MessageEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaMessageStore::toDomain)));
    }

    @Override
    public Optional<Message> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, MessageId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(MessageEntity.class, key(tenantId, workspaceId, id),
                        LockModeType.PESSIMISTIC_WRITE))
                .map(e -> mapDetached(e, JpaMessageStore::toDomain)));
    }

    @Override
    public List<Message> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                         boolean includeInternal, Optional<MessageId> beforeId, int limit) {
        return page(tenantId, workspaceId, conversationId, includeInternal, beforeId, limit, "<", "desc");
    }

    @Override
    public List<Message> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                                         boolean includeInternal, Optional<MessageId> afterId, int limit) {
        return page(tenantId, workspaceId, conversationId, includeInternal, afterId, limit, ">", "asc");
    }

    private List<Message> page(TenantId tenantId, WorkspaceId workspaceId, ConversationId conversationId,
                               boolean includeInternal, Optional<MessageId> from, int limit, String comparison, String order) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(from, "from must not be null");
        return tx(() -> {
            TypedQuery<MessageEntity> query = em().createQuery("select m from CwkMessage m where m.tenantId = :tenant"
                            + " and m.workspaceId = :workspace and m.conversationId = :conversation"
                            // 'CLIENT' as a literal, so the clients' index (conversation, visibility, id) serves it.
                            + (includeInternal ? "" : " and m.visibility = 'CLIENT'")
                            + (from.isPresent() ? " and m.id " + comparison + " :from" : "")
                            + " order by m.id " + order, MessageEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("conversation", conversationId.value());
            from.ifPresent(id -> query.setParameter("from", id.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaMessageStore::toDomain);
        });
    }

    @Override
    public void appendRevision(TenantId tenantId, WorkspaceId workspaceId, MessageRevision revision) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(revision, "revision must not be null");
        tx(() -> {
            String message = revision.messageId().value();
            Integer latest = em().createQuery("select max(r.revision) from CwkMessageRevision r where r.tenantId = :tenant"
                            + " and r.workspaceId = :workspace and r.messageId = :message", Integer.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("message", message)
                    .getSingleResult();
            int head = latest == null ? 0 : latest;
            boolean messageExists = head > 0 || em().find(MessageEntity.class,
                    key(tenantId, workspaceId, revision.messageId())) != null;
            if (!messageExists || revision.revision() != head + 1) {
                throw ConflictException.staleVersion("message revision", message, revision.revision());
            }
            MessageRevisionEntity e = new MessageRevisionEntity(tenantId.value(), workspaceId.value(), message, revision.revision());
            e.body = revision.body();
            e.editedAt = revision.editedAt();
            e.editedBy = revision.editedBy().value();
            try {
                insert(e, "message revision", Integer.toString(revision.revision()));
            } catch (ConflictException conflict) {
                throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Revision " + revision.revision()
                        + " of message '" + message + "' was recorded concurrently by someone else; reload and try again");
            }
            return null;
        });
    }

    @Override
    public List<MessageRevision> revisions(TenantId tenantId, WorkspaceId workspaceId, MessageId messageId) {
        requireScope(tenantId, workspaceId, messageId);
        return tx(() -> mapDetached(em().createQuery("select r from CwkMessageRevision r where r.tenantId = :tenant"
                        + " and r.workspaceId = :workspace and r.messageId = :message order by r.revision", MessageRevisionEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("message", messageId.value())
                .getResultList(), JpaMessageStore::revisionToDomain));
    }

    /**
     * One grouped statement: the messages of the asked workspaces, joined to their conversation (for its
     * visibility) and to the reader's marker of that conversation (absent: everything is unread).
     */
    @Override
    public Map<WorkspaceId, Long> countUnread(TenantId tenantId, UserId userId, Map<WorkspaceId, Boolean> includeInternal,
                                              Optional<ConversationId> conversationId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(includeInternal, "includeInternal must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        Map<WorkspaceId, Long> counts = new LinkedHashMap<>();
        includeInternal.keySet().forEach(w -> counts.put(w, 0L));
        if (includeInternal.isEmpty()) {
            return Map.of();
        }
        List<String> internal = workspaces(includeInternal, true);
        List<String> clientOnly = workspaces(includeInternal, false);
        List<String> visible = new ArrayList<>();
        if (!internal.isEmpty()) {
            visible.add("m.workspaceId in :internal");
        }
        if (!clientOnly.isEmpty()) {
            visible.add("(m.workspaceId in :clientOnly and m.visibility = 'CLIENT' and c.visibility = 'CLIENT')");
        }
        return tx(() -> {
            TypedQuery<Object[]> query = em().createQuery("select m.workspaceId, count(m) from CwkMessage m"
                            + " left join CwkConversation c on c.tenantId = m.tenantId and c.workspaceId = m.workspaceId"
                            + " and c.id = m.conversationId"
                            + " left join CwkReadMarker r on r.tenantId = m.tenantId and r.workspaceId = m.workspaceId"
                            + " and r.userId = :user and r.conversationId = m.conversationId"
                            + " where m.tenantId = :tenant and m.deletedAt is null and m.authorId <> :user"
                            + " and (" + String.join(" or ", visible) + ")"
                            + (conversationId.isPresent() ? " and m.conversationId = :conversation" : "")
                            + " and (r.lastRead is null or m.id > r.lastRead)"
                            + " group by m.workspaceId", Object[].class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("user", userId.value());
            if (!internal.isEmpty()) {
                query.setParameter("internal", internal);
            }
            if (!clientOnly.isEmpty()) {
                query.setParameter("clientOnly", clientOnly);
            }
            conversationId.ifPresent(id -> query.setParameter("conversation", id.value()));
            for (Object[] row : query.getResultList()) {
                counts.put(WorkspaceId.of((String) row[0]), ((Number) row[1]).longValue());
            }
            return Map.copyOf(counts);
        });
    }

    private static List<String> workspaces(Map<WorkspaceId, Boolean> includeInternal, boolean internal) {
        return includeInternal.entrySet().stream()
                .filter(entry -> requireNonNull(entry.getValue(), "includeInternal values must not be null") == internal)
                .map(entry -> entry.getKey().value())
                .sorted()
                .toList();
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId, MessageId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
    }

    /** Copies what may change over a message's life (edits and the tombstone); author and time never do. */
    private static void copy(Message m, MessageEntity e) {
        e.body = m.body();
        e.visibility = m.visibility().name();
        e.attachments = m.attachments().stream().map(FileId::value).collect(Collectors.joining(SEPARATOR));
        e.mentions = m.mentions().stream().map(UserId::value).sorted().collect(Collectors.joining(SEPARATOR));
        e.editedAt = m.editedAt().orElse(null);
        e.deletedAt = m.deletedAt().orElse(null);
        e.deletedBy = m.deletedBy().map(UserId::value).orElse(null);
    }

    private static <T> List<T> decode(String encoded, Function<String, T> parse) {
        if (encoded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(encoded.split(SEPARATOR, -1)).map(parse).toList();
    }

    private static MessageEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, MessageId id) {
        return new MessageEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static Message toDomain(MessageEntity e) {
        return new Message(MessageId.of(e.id), ConversationId.of(e.conversationId), TenantId.of(e.tenantId),
                WorkspaceId.of(e.workspaceId), UserId.of(e.authorId), ActorKind.valueOf(e.authorKind), e.body,
                Visibility.valueOf(e.visibility), decode(e.attachments, FileId::of), Set.copyOf(decode(e.mentions, UserId::of)),
                e.createdAt, Optional.ofNullable(e.editedAt), Optional.ofNullable(e.deletedAt),
                Optional.ofNullable(e.deletedBy).map(UserId::of), e.version);
    }

    static MessageRevision revisionToDomain(MessageRevisionEntity e) {
        return new MessageRevision(MessageId.of(e.messageId), e.revision, e.body, e.editedAt, UserId.of(e.editedBy));
    }

    /**
     * One statement for every workspace asked for: the workspaces' CLIENT-authored messages, not deleted, not the
     * user's, above the user's read marker of their conversation (on {@code ix_cwk_message_conversation} and the
     * markers' primary key), counted per workspace.
     */
    @Override
    public Map<WorkspaceId, Long> countUnreadFromClients(TenantId tenantId, UserId userId, Set<WorkspaceId> workspaceIds) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(workspaceIds, "workspaceIds must not be null");
        if (workspaceIds.isEmpty()) {
            return Map.of();
        }
        Map<WorkspaceId, Long> counts = new LinkedHashMap<>();
        workspaceIds.forEach(w -> counts.put(requireNonNull(w, "workspaceIds must not contain null"), 0L));
        return tx(() -> {
            List<Object[]> rows = em().createQuery("select m.workspaceId, count(m) from CwkMessage m"
                            + " left join CwkReadMarker r on r.tenantId = m.tenantId and r.workspaceId = m.workspaceId"
                            + " and r.userId = :user and r.conversationId = m.conversationId"
                            + " where m.tenantId = :tenant and m.workspaceId in :workspaces and m.deletedAt is null"
                            + " and m.authorKind = 'CLIENT' and m.authorId <> :user"
                            + " and (r.lastRead is null or m.id > r.lastRead)"
                            + " group by m.workspaceId", Object[].class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("user", userId.value())
                    .setParameter("workspaces", workspaceIds.stream().map(WorkspaceId::value).sorted().toList())
                    .getResultList();
            for (Object[] row : rows) {
                counts.put(WorkspaceId.of((String) row[0]), ((Number) row[1]).longValue());
            }
            return Map.copyOf(counts);
        });
    }
}
