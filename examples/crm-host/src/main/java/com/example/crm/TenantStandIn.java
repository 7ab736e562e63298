package com.example.crm;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/** TEMPORARY stand-in for client-workspace.tenants.acme.* (stream tenants); removed when it is merged. */
@Component
class TenantStandIn implements SmartInitializingSingleton {

    private final Stores stores;
    private final TransactionTemplate tx;

    TenantStandIn(Stores stores, TransactionTemplate tx) {
        this.stores = stores;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        TenantId acme = TenantId.of("acme");
        tx.executeWithoutResult(status -> {
            if (stores.tenants().find(acme).isEmpty()) {
                stores.tenants().insert(new Tenant(acme, "Acme CRM", Instant.now(), 0));
                stores.team().insert(new TeamMember(acme, UserId.of("alice"), TenantRole.TENANT_ADMIN, Instant.now(), 0));
            }
        });
    }
}
