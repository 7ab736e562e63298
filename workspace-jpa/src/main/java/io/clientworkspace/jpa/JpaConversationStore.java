package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.ConversationEntity;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationKind;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.spi.ConversationStore;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link ConversationStore} on JPA. A conversation is one row; General and each item's conversation carry a
 * {@code singleton_key} under a unique constraint, so that of two concurrent creations one fails with a
 * conflict. The activity times that order the lists ({@code activity_at}, {@code client_activity_at}) are
 * derived columns, so that a list page is one indexed keyset statement. {@link #recordMessage} moves the
 * message times forward with conditional bulk updates that do not touch the version.
 */
public final class JpaConversationStore extends JpaStoreSupport implements ConversationStore {

    static final String GENERAL_KEY = "GENERAL";

    public JpaConversationStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Conversation insert(Conversation conversation) {
        requireNonNull(conversation, "conversation must not be null");
        return tx(() -> {
            if (em().find(ConversationEntity.class, key(conversation.tenantId(), conversation.workspaceId(), conversation.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Conversation '" + conversation.id() + "' already exists");
            }
            ConversationEntity e = new ConversationEntity(conversation.tenantId().value(), conversation.workspaceId().value(),
                    conversation.id().value());
            e.kind = conversation.kind().name();
            e.singletonKey = singletonKey(conversation);
            e.itemType = conversation.item().map(i -> i.type().name()).orElse(null);
            e.itemId = conversation.item().map(ItemRef::id).orElse(null);
            e.createdBy = conversation.createdBy().value();
            e.createdAt = conversation.createdAt();
            e.version = 0;
            copy(conversation, e);
            return toDomain(insert(e, "conversation", conversation.id().value()));
        });
    }

    @Override
    public Conversation update(Conversation conversation) {
        requireNonNull(conversation, "conversation must not be null");
        return tx(() -> {
            ConversationEntity e = em().find(ConversationEntity.class,
                    key(conversation.tenantId(), conversation.workspaceId(), conversation.id()));
            if (e == null || e.version != conversation.version()) {
                throw ConflictException.staleVersion("conversation", conversation.id().value(), conversation.version());
            }
            copy(conversation, e);
            return toDomain(saveVersioned(e, conversation.version(), entity -> entity.version, "conversation",
                    conversation.id().value()));
        });
    }

    @Override
    public void recordMessage(TenantId tenantId, WorkspaceId workspaceId, ConversationId id, Instant at,
                              Visibility visibility) {
        requireScope(tenantId, workspaceId, id);
        requireNonNull(at, "at must not be null");
        requireNonNull(visibility, "visibility must not be null");
        tx(() -> {
            // Bulk updates: they never touch the version, and "only forward" is one atomic condition.
            moveForward("lastMessageAt", "activityAt", tenantId, workspaceId, id, at);
            if (visibility == Visibility.CLIENT) {
                moveForward("lastClientMessageAt", "clientActivityAt", tenantId, workspaceId, id, at);
            }
            return null;
        });
    }

    private void moveForward(String field, String activityField, TenantId tenantId, WorkspaceId workspaceId,
                             ConversationId id, Instant at) {
        em().createQuery("update CwkConversation c set c." + field + " = :at, c." + activityField + " = :at"
                        + " where c.tenantId = :tenant and c.workspaceId = :workspace and c.id = :id"
                        + " and (c." + field + " is null or c." + field + " < :at)")
                .setParameter("at", at)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public Optional<Conversation> find(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(ConversationEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaConversationStore::toDomain)));
    }

    @Override
    public Optional<Conversation> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(ConversationEntity.class, key(tenantId, workspaceId, id),
                        LockModeType.PESSIMISTIC_WRITE))
                .map(e -> mapDetached(e, JpaConversationStore::toDomain)));
    }

    @Override
    public Optional<Conversation> findGeneral(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return findBySingletonKey(tenantId, workspaceId, GENERAL_KEY);
    }

    @Override
    public Optional<Conversation> findForItem(TenantId tenantId, WorkspaceId workspaceId, ItemRef item) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(item, "item must not be null");
        return findBySingletonKey(tenantId, workspaceId, itemKey(item));
    }

    private Optional<Conversation> findBySingletonKey(TenantId tenantId, WorkspaceId workspaceId, String singletonKey) {
        return tx(() -> em().createQuery("select c from CwkConversation c where c.tenantId = :tenant"
                        + " and c.workspaceId = :workspace and c.singletonKey = :key", ConversationEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("key", singletonKey)
                .getResultList().stream().findFirst()
                .map(e -> mapDetached(e, JpaConversationStore::toDomain)));
    }

    @Override
    public List<Conversation> list(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal,
                                   Optional<Position> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(after, "after must not be null");
        String at = includeInternal ? "c.activityAt" : "c.clientActivityAt";
        return tx(() -> {
            TypedQuery<ConversationEntity> query = em().createQuery("select c from CwkConversation c"
                            + " where c.tenantId = :tenant and c.workspaceId = :workspace"
                            // 'CLIENT' as a literal, so the clients' index (visibility, client_activity_at, id) serves it.
                            + (includeInternal ? "" : " and c.visibility = 'CLIENT'")
                            + (after.isPresent() ? " and (" + at + " < :at or (" + at + " = :at and c.id < :id))" : "")
                            + " order by " + at + " desc, c.id desc", ConversationEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value());
            after.ifPresent(position -> query.setParameter("at", position.activityAt()).setParameter("id", position.id().value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaConversationStore::toDomain);
        });
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
    }

    /** Copies what may change over a conversation's life; kind, item and who created it when never do. */
    private static void copy(Conversation c, ConversationEntity e) {
        e.title = c.title();
        e.visibility = c.visibility().name();
        e.lastMessageAt = c.lastMessageAt().orElse(null);
        e.lastClientMessageAt = c.lastClientMessageAt().orElse(null);
        e.activityAt = c.activityAt();
        e.clientActivityAt = c.clientActivityAt();
    }

    private static @Nullable String singletonKey(Conversation c) {
        return switch (c.kind()) {
            case GENERAL -> GENERAL_KEY;
            case ITEM -> itemKey(c.item().orElseThrow());
            case TOPIC -> null;
        };
    }

    static String itemKey(ItemRef item) {
        return "ITEM:" + item.type().name() + ":" + item.id();
    }

    private static ConversationEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, ConversationId id) {
        return new ConversationEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static Conversation toDomain(ConversationEntity e) {
        Optional<ItemRef> item = e.itemType == null || e.itemId == null ? Optional.empty()
                : Optional.of(new ItemRef(ItemType.valueOf(e.itemType), e.itemId));
        return new Conversation(ConversationId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                ConversationKind.valueOf(e.kind), item, e.title, Visibility.valueOf(e.visibility), UserId.of(e.createdBy),
                e.createdAt, Optional.ofNullable(e.lastMessageAt), Optional.ofNullable(e.lastClientMessageAt), e.version);
    }
}
