package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TenantProvisioningContract;

/** Tenant provisioning on the in-memory stores passes the {@link TenantProvisioningContract}. */
class InMemoryTenantProvisioningTest extends TenantProvisioningContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
