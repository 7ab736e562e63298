package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.TemplateEntity;
import io.clientworkspace.jpa.entity.WorkspaceOriginEntity;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TemplateStore;
import io.clientworkspace.spi.WorkspaceOriginStore;

import java.time.Clock;
import java.util.List;

/** Workspace templates (one row per version, content as JSON) and the origin of each workspace (migration V13). */
final class JpaTemplateFeature implements JpaFeature {

    @Override
    public String name() {
        return "templates";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(TemplateEntity.class, WorkspaceOriginEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(TemplateStore.class, new JpaTemplateStore(transactions));
        stores.add(WorkspaceOriginStore.class, new JpaWorkspaceOriginStore(transactions));
    }
}
