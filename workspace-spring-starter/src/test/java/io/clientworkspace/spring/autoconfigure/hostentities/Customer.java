package io.clientworkspace.spring.autoconfigure.hostentities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host's own entity, in a package of its own, for the {@code @EntityScan} tests. */
@Entity
@Table(name = "host_customer")
public class Customer {

    @Id
    private String id = "";

    private String name = "";

    protected Customer() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
