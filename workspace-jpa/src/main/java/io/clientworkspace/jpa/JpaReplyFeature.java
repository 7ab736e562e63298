package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.ReplyReceiptEntity;
import io.clientworkspace.jpa.entity.ReplyTokenEntity;
import io.clientworkspace.spi.ReplyTokenStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Reply by e-mail: reply tokens (by hash) and the receipts of inbound replies (migration V10). */
final class JpaReplyFeature implements JpaFeature {

    @Override
    public String name() {
        return "replies";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ReplyTokenEntity.class, ReplyReceiptEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(ReplyTokenStore.class, new JpaReplyTokenStore(transactions));
    }
}
