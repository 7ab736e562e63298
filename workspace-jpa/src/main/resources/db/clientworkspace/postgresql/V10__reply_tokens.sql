-- Client Workspace Kit (postgresql): reply-by-e-mail tokens and the receipts of inbound replies.
-- Flyway format; apply after V9.
-- Every primary key starts with (tenant_id, workspace_id): no row is ever addressed by a bare id.
-- A token is stored only as the SHA-256 hash of its secret; the inbound side finds it by (tenant, hash).

CREATE TABLE cwk_reply_token (
    tenant_id        VARCHAR(128) NOT NULL,
    workspace_id     VARCHAR(128) NOT NULL,
    id               VARCHAR(128) NOT NULL,
    conversation_id  VARCHAR(128) NOT NULL,
    recipient_id     VARCHAR(128) NOT NULL,
    recipient_kind   VARCHAR(16) NOT NULL,
    token_hash       VARCHAR(64) NOT NULL,
    issued_by        VARCHAR(128) NOT NULL,
    issued_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at       TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_cwk_reply_token PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT uq_cwk_reply_token_hash UNIQUE (tenant_id, token_hash),
    CONSTRAINT ck_cwk_reply_token_expiry CHECK (expires_at >= issued_at)
);

-- Bulk revocation by conversation and/or recipient.
CREATE INDEX ix_cwk_reply_token_conversation ON cwk_reply_token (tenant_id, workspace_id, conversation_id, recipient_id);
CREATE INDEX ix_cwk_reply_token_recipient ON cwk_reply_token (tenant_id, workspace_id, recipient_id);

CREATE TABLE cwk_reply_receipt (
    tenant_id        VARCHAR(128) NOT NULL,
    workspace_id     VARCHAR(128) NOT NULL,
    token_id         VARCHAR(128) NOT NULL,
    -- SHA-256 of the inbound id (e.g. the e-mail's Message-ID): one receipt per token and inbound reply.
    inbound_key      VARCHAR(64) NOT NULL,
    message_id       VARCHAR(128) NOT NULL,
    received_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cwk_reply_receipt PRIMARY KEY (tenant_id, workspace_id, token_id, inbound_key)
);
