package com.example.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/** The CRM's own entity: a customer, linked to its client workspace by the workspace's id. */
@Entity
public class Customer {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private String workspaceId;

    protected Customer() {
        // for JPA
    }

    public Customer(String id, String name, Instant createdAt, String workspaceId) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.workspaceId = workspaceId;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }
}
