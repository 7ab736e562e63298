package io.clientworkspace.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code workspace.*} properties. None is required: every one has a default that works.
 */
@ConfigurationProperties("workspace")
public class WorkspaceProperties {

    /** Where the kit keeps its data. */
    private Store store = Store.AUTO;

    private final Cache cache = new Cache();

    private final Rest rest = new Rest();

    private final Security security = new Security();

    private final Events events = new Events();

    private final Jpa jpa = new Jpa();

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public Cache getCache() {
        return cache;
    }

    public Rest getRest() {
        return rest;
    }

    public Security getSecurity() {
        return security;
    }

    public Events getEvents() {
        return events;
    }

    public Jpa getJpa() {
        return jpa;
    }

    /** The JPA stores' schema. */
    public static class Jpa {

        /**
         * Whether to apply the kit's schema migrations at startup with Flyway (when Flyway is on the
         * class path). They run with their own history table, so they never mix with the host's.
         */
        private boolean migrate = true;

        /** Flyway history table of the kit's own migrations. */
        private String historyTable = "cwk_schema_history";

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public String getHistoryTable() {
            return historyTable;
        }

        public void setHistoryTable(String historyTable) {
            this.historyTable = historyTable;
        }
    }

    /** Store selection. */
    public enum Store {
        /** The JPA stores when workspace-jpa and an EntityManagerFactory are present, else in-memory. */
        AUTO,
        /** Always the in-memory stores (data is lost on restart). */
        MEMORY,
        /** Always the JPA stores; startup fails if workspace-jpa or an EntityManagerFactory is missing. */
        JPA
    }

    /** The authorizer's permission cache. */
    public static class Cache {

        /** Most cached permission answers kept at once. */
        private long maximumSize = 100_000;

        /**
         * How long a cached answer may be used. Changes made through this node are seen at once; this
         * bounds how long a change made by another node sharing the database may go unseen.
         */
        private Duration expireAfterWrite = Duration.ofSeconds(30);

        public long getMaximumSize() {
            return maximumSize;
        }

        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }

        public Duration getExpireAfterWrite() {
            return expireAfterWrite;
        }

        public void setExpireAfterWrite(Duration expireAfterWrite) {
            this.expireAfterWrite = expireAfterWrite;
        }
    }

    /** The REST API. */
    public static class Rest {

        /** Whether to expose the REST API (when Spring MVC and Spring Security are present). */
        private boolean enabled = true;

        /** Path under which every endpoint of the REST API is served. */
        private String basePath = "/api";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }
    }

    /** How the default ActorResolver reads Spring Security's Authentication. */
    public static class Security {

        /** Authorities starting with this prefix name the user's tenant, e.g. TENANT_northwind. */
        private String tenantAuthorityPrefix = "TENANT_";

        /** The authority that marks a team user; users without it act as clients. */
        private String teamAuthority = "ROLE_WORKSPACE_TEAM";

        /** Tenant used when the Authentication names none (single-tenant hosts). Empty: none. */
        private String defaultTenantId = "";

        public String getTenantAuthorityPrefix() {
            return tenantAuthorityPrefix;
        }

        public void setTenantAuthorityPrefix(String tenantAuthorityPrefix) {
            this.tenantAuthorityPrefix = tenantAuthorityPrefix;
        }

        public String getTeamAuthority() {
            return teamAuthority;
        }

        public void setTeamAuthority(String teamAuthority) {
            this.teamAuthority = teamAuthority;
        }

        public String getDefaultTenantId() {
            return defaultTenantId;
        }

        public void setDefaultTenantId(String defaultTenantId) {
            this.defaultTenantId = defaultTenantId;
        }
    }

    /** Delivery of domain events. */
    public static class Events {

        /** Whether to republish domain events as Spring application events after commit. */
        private boolean publishApplicationEvents = true;

        /**
         * How often to relay events that were committed but not delivered (crash between commit and
         * delivery), when the stores have an outbox. Zero or negative disables the relay.
         */
        private Duration relayInterval = Duration.ofMinutes(1);

        public boolean isPublishApplicationEvents() {
            return publishApplicationEvents;
        }

        public void setPublishApplicationEvents(boolean publishApplicationEvents) {
            this.publishApplicationEvents = publishApplicationEvents;
        }

        public Duration getRelayInterval() {
            return relayInterval;
        }

        public void setRelayInterval(Duration relayInterval) {
            this.relayInterval = relayInterval;
        }
    }
}
