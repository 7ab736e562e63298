-- Client Workspace Kit (PostgreSQL): the workspace calendar: scheduled events and calendar feed tokens.
-- Flyway format; apply after V11.
-- Every primary key starts with (tenant_id, workspace_id): no row is ever addressed by a bare id.
-- Ids that order keyset pages use the "C" collation: code-point order, as the in-memory stores.

CREATE TABLE cwk_scheduled_event (
    tenant_id     VARCHAR(128) NOT NULL,
    workspace_id  VARCHAR(128) NOT NULL,
    id            VARCHAR(128) COLLATE "C" NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    title         VARCHAR(200) NOT NULL,
    description   VARCHAR(5000) NOT NULL,
    location      VARCHAR(500),
    start_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    end_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    visibility    VARCHAR(8) NOT NULL,
    cancelled     BOOLEAN NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL,
    CONSTRAINT pk_cwk_scheduled_event PRIMARY KEY (tenant_id, workspace_id, id)
);

-- A workspace's events in start order (range and keyset pages of the calendar, the agenda, the feed).
CREATE INDEX ix_cwk_scheduled_event_start ON cwk_scheduled_event (tenant_id, workspace_id, start_at, id);

CREATE TABLE cwk_calendar_feed_token (
    tenant_id     VARCHAR(128) NOT NULL,
    workspace_id  VARCHAR(128) NOT NULL,
    id            VARCHAR(128) COLLATE "C" NOT NULL,
    member_id     VARCHAR(128) NOT NULL,
    -- Lower-case hex SHA-256 of the secret; the secret itself is never stored.
    token_hash    VARCHAR(64) NOT NULL,
    issued_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_cwk_calendar_feed_token PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT uq_cwk_calendar_feed_token_hash UNIQUE (tenant_id, token_hash)
);

-- A member's live tokens of one workspace, oldest first (rotation keeps at most three).
CREATE INDEX ix_cwk_calendar_feed_token_member ON cwk_calendar_feed_token (tenant_id, workspace_id, member_id, issued_at, id);
