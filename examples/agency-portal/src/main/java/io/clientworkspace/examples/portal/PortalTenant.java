package io.clientworkspace.examples.portal;

import org.jspecify.annotations.Nullable;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.tenant.Tenant;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The one tenant this portal serves, the agency "Northwind Agency". A host with many agencies would
 * take the tenant from the signed-in user instead; here every user belongs to this one.
 */
@Component
public class PortalTenant {

    /** The agency's name, which is how the tenant is found again (its id is generated). */
    public static final String NAME = "Northwind Agency";

    private final WorkspaceKit kit;
    private volatile @Nullable TenantId id;

    public PortalTenant(WorkspaceKit kit) {
        this.kit = kit;
    }

    /** The tenant's id; fails if the tenant has not been created yet (the demo data creates it at startup). */
    public TenantId id() {
        TenantId known = id;
        if (known == null) {
            known = find().map(Tenant::id).orElseThrow(() -> new IllegalStateException(
                    "The tenant '" + NAME + "' does not exist yet; it is created with the demo data at startup"));
            id = known;
        }
        return known;
    }

    /** The tenant, if it exists. Tenant listing is a provisioning call of the kit: it takes no actor. */
    public Optional<Tenant> find() {
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Tenant> page = kit.tenants().list(request);
            Optional<Tenant> match = page.items().stream().filter(t -> t.name().equals(NAME)).findFirst();
            if (match.isPresent() || page.nextCursor().isEmpty()) {
                return match;
            }
            request = PageRequest.after(page.nextCursor().get(), PageRequest.MAX_LIMIT);
        }
    }
}
