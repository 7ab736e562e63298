package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.ClientRoleEntity;
import io.clientworkspace.spi.ClientRoleStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/**
 * Tenants' custom client roles, part of the access policies (migration V14, which also adds
 * {@code cwk_membership.client_role}).
 */
final class JpaClientRoleFeature implements JpaFeature {

    @Override
    public String name() {
        return "client-roles";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ClientRoleEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(ClientRoleStore.class, new JpaClientRoleStore(transactions));
    }
}
