package com.example.crm;

import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.spring.web.KitProblemDetails;
import io.clientworkspace.workspace.Workspace;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * The CRM's own endpoints. {@link Actor} parameters are resolved by the kit from the signed-in user; kit exceptions
 * thrown here become the kit's problem details (404, 400 naming the field...) instead of 500s.
 */
@RestController
@RequestMapping("/crm")
@KitProblemDetails
class CustomerController {

    private final CustomerService service;
    private final CustomerRepository customers;
    private final WorkspaceKit kit;

    CustomerController(CustomerService service, CustomerRepository customers, WorkspaceKit kit) {
        this.service = service;
        this.customers = customers;
        this.kit = kit;
    }

    /** A form post of the CRM's team (CSRF token required): a new customer with its workspace and client user. */
    @PostMapping("/customers")
    ResponseEntity<CustomerView> onboard(Actor actor, @RequestParam String name, @RequestParam String clientUserId) {
        Customer customer = service.onboard(actor, name, UserId.of(clientUserId));
        return ResponseEntity.created(URI.create("/crm/customers/" + customer.getId())).body(view(actor, customer));
    }

    /** A customer with its workspace, for users who may see that workspace; 404 for everyone else. */
    @GetMapping("/customers/{id}")
    CustomerView customer(Actor actor, @PathVariable String id) {
        return customers.findById(id).map(customer -> view(actor, customer))
                .orElseThrow(() -> new NotFoundException("customer", id));
    }

    /** The CSRF token a script (or curl) sends as a header with the CRM's own unsafe requests. */
    @GetMapping("/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    private CustomerView view(Actor actor, Customer customer) {
        // The kit decides who sees the workspace: an actor who may not gets the same 404 as for an unknown customer.
        Workspace workspace = kit.workspaces().find(actor, WorkspaceId.of(customer.getWorkspaceId()))
                .orElseThrow(() -> new NotFoundException("customer", customer.getId()));
        return new CustomerView(customer.getId(), customer.getName(), customer.getCreatedAt(),
                workspace.id().value(), workspace.name(), workspace.slug());
    }

    /** What the CRM shows of a customer. */
    record CustomerView(String id, String name, Instant createdAt, String workspaceId, String workspaceName,
                        String workspaceSlug) {
    }
}
