-- Client Workspace Kit (PostgreSQL): linked records from the host (invoices, tickets, contracts, reports,
-- maintenance windows) and tenants' custom client roles. Flyway format; apply after V13.
-- Every primary key starts with the tenant: no row is ever addressed by a bare id.
-- Keys that order keyset pages use the "C" collation: code-point order, as the in-memory stores.

CREATE TABLE cwk_linked_record (
    tenant_id       VARCHAR(128) NOT NULL,
    workspace_id    VARCHAR(128) NOT NULL,
    type            VARCHAR(24) COLLATE "C" NOT NULL,
    host_id         VARCHAR(200) COLLATE "C" NOT NULL,
    id              VARCHAR(128) NOT NULL,
    title           VARCHAR(200) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    -- Below 10^15 in absolute value, at most 4 fraction digits (the most any ISO 4217 currency has).
    amount          NUMERIC(19, 4),
    currency        VARCHAR(3),
    issued_on       DATE,
    due_on          DATE,
    starts_at       TIMESTAMP(6) WITH TIME ZONE,
    ends_at         TIMESTAMP(6) WITH TIME ZONE,
    url             VARCHAR(2000),
    visibility      VARCHAR(8) NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL,
    -- (type, host_id) identifies a record in its workspace; the key also serves the list order and the alerts.
    CONSTRAINT pk_cwk_linked_record PRIMARY KEY (tenant_id, workspace_id, type, host_id),
    CONSTRAINT uq_cwk_linked_record_id UNIQUE (tenant_id, workspace_id, id)
);

CREATE TABLE cwk_client_role (
    tenant_id       VARCHAR(128) NOT NULL,
    role_key        VARCHAR(40) COLLATE "C" NOT NULL,
    label           VARCHAR(100) NOT NULL,
    base            VARCHAR(32) NOT NULL,
    -- Permission names, comma-separated and sorted; names unknown to a running version are ignored on read.
    permissions     VARCHAR(1000) NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT pk_cwk_client_role PRIMARY KEY (tenant_id, role_key)
);

-- The custom client role a client member holds, if any.
ALTER TABLE cwk_membership ADD COLUMN client_role VARCHAR(40);
-- How many memberships hold a role (refusing to remove a held role): only the rows that hold one are indexed.
CREATE INDEX ix_cwk_membership_client_role ON cwk_membership (tenant_id, client_role) WHERE client_role IS NOT NULL;
