package com.example.crm;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewWorkspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedding contract for transactions: the CRM's rows and the kit's workspaces, memberships and permission
 * answers commit or roll back together with the host's Spring transaction.
 */
@SpringBootTest
@ActiveProfiles("test")
class CustomerOnboardingTest {

    static final TenantId ACME = TenantId.of("acme");
    static final Actor ALICE = Actor.team(ACME, "alice");
    static final Actor CAROL = Actor.client(ACME, "carol");

    @Autowired
    CustomerService service;

    @Autowired
    CustomerRepository customers;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    TransactionTemplate tx;

    @Test
    void onboardingCreatesTheCustomerItsWorkspaceAndTheClientAsClientAdmin() {
        Customer customer = service.onboard(ALICE, "Globex", UserId.of("carol"));

        WorkspaceId workspace = WorkspaceId.of(customer.getWorkspaceId());
        assertThat(customers.findById(customer.getId())).isPresent();
        assertThat(kit.workspaces().findByExternalRef(ALICE, customer.getId())).hasValueSatisfying(
                w -> assertThat(w.id()).isEqualTo(workspace));
        assertThat(kit.members().find(ALICE, workspace, UserId.of("carol")))
                .hasValueSatisfying(m -> assertThat(m.role()).isEqualTo(WorkspaceRole.CLIENT_ADMIN));
        assertThat(kit.authorizer().can(CAROL, workspace, Permission.UPLOAD_FILES)).isTrue();
    }

    @Test
    void customerAndWorkspaceRollBackTogetherWhenAStepAfterTheKitCallFails() {
        long customersBefore = customers.count();
        String name = "Doomed " + UUID.randomUUID();

        // The workspace is created and the customer row flushed before the kit refuses a user the CRM does not have.
        assertThatThrownBy(() -> service.onboard(ALICE, name, UserId.of("mallory")))
                .isInstanceOf(ValidationException.class);

        assertThat(customers.count()).isEqualTo(customersBefore);
        assertThat(allWorkspaceNames(ALICE)).isNotEmpty().doesNotContain(name);
    }

    /** The names of every workspace the actor sees, through every page (the test database is shared and grows). */
    private List<String> allWorkspaceNames(Actor actor) {
        List<String> names = new ArrayList<>();
        io.clientworkspace.Page<io.clientworkspace.workspace.Workspace> page =
                kit.workspaces().list(actor, io.clientworkspace.PageRequest.first(100));
        page.items().forEach(w -> names.add(w.name()));
        while (page.nextCursor().isPresent()) {
            page = kit.workspaces().list(actor, io.clientworkspace.PageRequest.after(page.nextCursor().get(), 100));
            page.items().forEach(w -> names.add(w.name()));
        }
        return names;
    }

    @Test
    void aClientOnboardedInARolledBackHostTransactionIsDeniedAfterwardsThoughTheCacheWasWarmedInside() {
        AtomicReference<Customer> onboarded = new AtomicReference<>();

        tx.executeWithoutResult(status -> {
            Customer customer = service.onboard(ALICE, "Initech", UserId.of("carol"));
            onboarded.set(customer);
            assertThat(kit.authorizer().can(CAROL, WorkspaceId.of(customer.getWorkspaceId()), Permission.VIEW_WORKSPACE)).isTrue();
            status.setRollbackOnly();
        });

        WorkspaceId workspace = WorkspaceId.of(onboarded.get().getWorkspaceId());
        assertThat(customers.findById(onboarded.get().getId())).isEmpty();
        assertThat(kit.workspaces().find(ALICE, workspace)).isEmpty();
        assertThat(kit.authorizer().can(CAROL, workspace, Permission.VIEW_WORKSPACE)).isFalse();
    }

    @Test
    void aClientAddedToAnExistingWorkspaceInARolledBackTransactionIsDeniedAfterwards() {
        WorkspaceId workspace = kit.workspaces().create(ALICE, NewWorkspace.of("Umbrella", "umbrella-" + UUID.randomUUID())).id();
        assertThat(kit.authorizer().can(CAROL, workspace, Permission.VIEW_WORKSPACE)).isFalse();

        tx.executeWithoutResult(status -> {
            kit.members().add(ALICE, workspace, UserId.of("carol"), WorkspaceRole.CLIENT_VIEWER);
            assertThat(kit.authorizer().can(CAROL, workspace, Permission.VIEW_WORKSPACE)).isTrue();
            status.setRollbackOnly();
        });

        assertThat(kit.authorizer().can(CAROL, workspace, Permission.VIEW_WORKSPACE)).isFalse();
        assertThat(kit.workspaces().find(CAROL, workspace)).isEmpty();
    }
}
