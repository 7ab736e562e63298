-- The CRM's own schema, in Flyway's default location and history table (flyway_schema_history).
-- The kit migrates its tables separately (history table cwk_schema_history), after these.
CREATE TABLE customer (
    id           VARCHAR(36)                 NOT NULL PRIMARY KEY,
    name         VARCHAR(120)                NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    workspace_id VARCHAR(64)                 NOT NULL
);
