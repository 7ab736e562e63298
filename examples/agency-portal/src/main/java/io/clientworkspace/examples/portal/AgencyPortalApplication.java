package io.clientworkspace.examples.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An agency's client portal on the Client Workspace Kit: the agency's team serves every client
 * workspace from one overview, each client sees only its own workspaces. Server-rendered pages
 * (Thymeleaf) for people, the kit's REST API under {@code /api} for programs, demo data in an
 * in-memory H2 database.
 */
@SpringBootApplication
public class AgencyPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgencyPortalApplication.class, args);
    }
}
