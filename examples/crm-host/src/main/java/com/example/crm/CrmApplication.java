package com.example.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small CRM that embeds the Client Workspace Kit: its own {@link Customer} entity and Flyway migrations, its own
 * Spring Security and users, and one workspace per customer created in the same transaction as the customer.
 */
@SpringBootApplication
public class CrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
