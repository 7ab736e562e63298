package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.spring.WorkspaceKitCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the kit the portal's download policy, {@link InvoiceGatedDownloads}. The policy looks invoices up as
 * {@value #BACK_OFFICE}, the agency's owner and tenant admin (a real host would use a service account on its
 * roster); the tenant is resolved on the first download, after the demo data created it.
 */
@Configuration(proxyBeanMethods = false)
class DownloadGateConfig {

    /** The account invoices are looked up with. */
    static final String BACK_OFFICE = "alice";

    @Bean
    WorkspaceKitCustomizer invoiceGatedDownloads(DeliverableInvoices links, PortalUsers users,
                                                 ObjectProvider<PortalTenant> tenant) {
        return builder -> builder.downloadPolicyFrom(kit -> new InvoiceGatedDownloads(kit, links,
                () -> new Actor(tenant.getObject().id(), users.idOf(BACK_OFFICE).orElseThrow(() ->
                        new IllegalStateException("the portal's back-office account '" + BACK_OFFICE + "' is missing")),
                        ActorKind.TEAM)));
    }
}
