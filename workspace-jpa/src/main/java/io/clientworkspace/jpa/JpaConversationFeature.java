package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.ConversationEntity;
import io.clientworkspace.jpa.entity.MessageEntity;
import io.clientworkspace.jpa.entity.MessageRevisionEntity;
import io.clientworkspace.jpa.entity.ReadMarkerEntity;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.ReadMarkerStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Conversations: conversations, their messages and previous bodies, and read markers (migration V8). */
final class JpaConversationFeature implements JpaFeature {

    @Override
    public String name() {
        return "conversations";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ConversationEntity.class, MessageEntity.class, MessageRevisionEntity.class, ReadMarkerEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(ConversationStore.class, new JpaConversationStore(transactions));
        stores.add(MessageStore.class, new JpaMessageStore(transactions));
        stores.add(ReadMarkerStore.class, new JpaReadMarkerStore(transactions));
    }
}
