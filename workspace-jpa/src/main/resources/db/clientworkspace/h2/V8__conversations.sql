-- Client Workspace Kit (H2): conversations, their messages, previous message bodies and read markers.
-- Flyway format; apply after V7.
-- Every primary key starts with (tenant_id, workspace_id): no row is ever addressed by a bare id.
-- H2 compares strings by code unit by default, as the in-memory stores order ids; no collation needed.

CREATE TABLE cwk_conversation (
    tenant_id               VARCHAR(128) NOT NULL,
    workspace_id            VARCHAR(128) NOT NULL,
    id                      VARCHAR(128) NOT NULL,
    kind                    VARCHAR(16) NOT NULL,
    -- 'GENERAL' for the General conversation, 'ITEM:<type>:<id>' for an item's, NULL for a topic: the unique
    -- constraint below keeps General and each item's conversation single (NULLs never collide).
    singleton_key           VARCHAR(200),
    item_type               VARCHAR(16),
    item_id                 VARCHAR(128),
    title                   VARCHAR(200) NOT NULL,
    visibility              VARCHAR(16) NOT NULL,
    created_by              VARCHAR(128) NOT NULL,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_message_at         TIMESTAMP(6) WITH TIME ZONE,
    last_client_message_at  TIMESTAMP(6) WITH TIME ZONE,
    -- Derived: last_message_at else created_at, and last_client_message_at else created_at; the keys of the
    -- team's and the clients' conversation lists (newest activity first).
    activity_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    client_activity_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                 BIGINT NOT NULL,
    CONSTRAINT pk_cwk_conversation PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT uq_cwk_conversation_singleton UNIQUE (tenant_id, workspace_id, singleton_key),
    CONSTRAINT ck_cwk_conversation_item CHECK ((kind = 'ITEM') = (item_type IS NOT NULL AND item_id IS NOT NULL))
);
-- The team's list: newest activity first, keyset on (activity_at, id).
CREATE INDEX ix_cwk_conversation_activity ON cwk_conversation (tenant_id, workspace_id, activity_at, id);
-- The clients' list: CLIENT conversations only, newest client-visible activity first.
CREATE INDEX ix_cwk_conversation_client ON cwk_conversation (tenant_id, workspace_id, visibility, client_activity_at, id);

CREATE TABLE cwk_message (
    tenant_id        VARCHAR(128) NOT NULL,
    workspace_id     VARCHAR(128) NOT NULL,
    id               VARCHAR(128) NOT NULL,
    conversation_id  VARCHAR(128) NOT NULL,
    author_id        VARCHAR(128) NOT NULL,
    author_kind      VARCHAR(16) NOT NULL,
    body             VARCHAR(10000) NOT NULL,
    visibility       VARCHAR(16) NOT NULL,
    -- File ids, in order, one per line (ids never contain line breaks); at most 20.
    attachments      VARCHAR(4000) NOT NULL,
    -- User ids, sorted, one per line; at most 50.
    mentions         VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    edited_at        TIMESTAMP(6) WITH TIME ZONE,
    deleted_at       TIMESTAMP(6) WITH TIME ZONE,
    deleted_by       VARCHAR(128),
    version          BIGINT NOT NULL,
    CONSTRAINT pk_cwk_message PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT ck_cwk_message_deleted CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
);
-- A conversation's pages (newest first / oldest first after an id) for the team, and the unread counts
-- (messages of a conversation with ids above the reader's marker).
CREATE INDEX ix_cwk_message_conversation ON cwk_message (tenant_id, workspace_id, conversation_id, id);
-- The same for clients: CLIENT messages only.
CREATE INDEX ix_cwk_message_client ON cwk_message (tenant_id, workspace_id, conversation_id, visibility, id);

CREATE TABLE cwk_message_revision (
    tenant_id     VARCHAR(128) NOT NULL,
    workspace_id  VARCHAR(128) NOT NULL,
    message_id    VARCHAR(128) NOT NULL,
    revision      INTEGER NOT NULL,
    body          VARCHAR(10000) NOT NULL,
    edited_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    edited_by     VARCHAR(128) NOT NULL,
    -- Also the index of a message's history in order; two appends of one revision cannot both succeed.
    CONSTRAINT pk_cwk_message_revision PRIMARY KEY (tenant_id, workspace_id, message_id, revision)
);

CREATE TABLE cwk_read_marker (
    tenant_id        VARCHAR(128) NOT NULL,
    workspace_id     VARCHAR(128) NOT NULL,
    user_id          VARCHAR(128) NOT NULL,
    conversation_id  VARCHAR(128) NOT NULL,
    last_read        VARCHAR(128) NOT NULL,
    read_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- Also the index of the unread counts' join (tenant, workspace, user, conversation).
    CONSTRAINT pk_cwk_read_marker PRIMARY KEY (tenant_id, workspace_id, user_id, conversation_id)
);
