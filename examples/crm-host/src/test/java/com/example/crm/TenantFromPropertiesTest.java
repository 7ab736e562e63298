package com.example.crm;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.tenant.TenantRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant the CRM's users name with {@code TENANT_acme} comes from application.properties, not from code. */
@SpringBootTest
@ActiveProfiles("test")
class TenantFromPropertiesTest {

    @Autowired
    WorkspaceKit kit;

    @Test
    void theDeclaredTenantExistsUnderItsKeyWithItsName() {
        assertThat(kit.tenants().find(TenantId.of("acme"))).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("Acme CRM"));
    }

    @Test
    void theDeclaredAdminIsTheTenantsAdmin() {
        assertThat(kit.authorizer().tenantRole(Actor.team(TenantId.of("acme"), "alice"))).contains(TenantRole.TENANT_ADMIN);
    }
}
