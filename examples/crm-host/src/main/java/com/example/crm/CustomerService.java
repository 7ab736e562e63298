package com.example.crm;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Onboards customers: the CRM's row and the kit's workspace are one unit of work. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final WorkspaceKit kit;

    public CustomerService(CustomerRepository customers, WorkspaceKit kit) {
        this.customers = customers;
        this.kit = kit;
    }

    /**
     * Creates a customer, its workspace (external reference = the customer's id, {@code teamUser} its lead) and adds
     * {@code clientUser} as the workspace's client admin, in one transaction: if any step fails (e.g. a client user
     * the CRM does not know), neither the customer nor the workspace exists afterwards.
     */
    @Transactional
    public Customer onboard(Actor teamUser, String name, UserId clientUser) {
        String id = UUID.randomUUID().toString();
        Workspace workspace = kit.workspaces().create(teamUser,
                NewWorkspace.of(name, "customer-" + id.substring(0, 8)).withExternalRef(id));
        Customer customer = customers.saveAndFlush(new Customer(id, name, Instant.now(), workspace.id().value()));
        kit.members().add(teamUser, workspace.id(), clientUser, WorkspaceRole.CLIENT_ADMIN);
        return customer;
    }
}
