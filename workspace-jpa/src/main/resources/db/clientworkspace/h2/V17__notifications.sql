-- Client Workspace Kit (H2): notifications — each member's preferences and the notification queue.
-- Flyway format; apply after V16 (V14..V16 belong to other features of the same release; none is needed first).
-- Queue rows are deleted once sent (or dropped), so the table holds only what is waiting.

CREATE TABLE cwk_notification_preferences (
    tenant_id    VARCHAR(128) NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    -- KIND=DELIVERY pairs, comma-separated (twelve kinds today).
    per_kind     VARCHAR(1000) NOT NULL,
    quiet_from   TIME,
    quiet_to     TIME,
    quiet_zone   VARCHAR(64),
    locale       VARCHAR(64) NOT NULL,
    zone         VARCHAR(64) NOT NULL,
    row_version  BIGINT NOT NULL,
    CONSTRAINT pk_cwk_notification_preferences PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE cwk_notification (
    id              VARCHAR(128) NOT NULL,
    tenant_id       VARCHAR(128) NOT NULL,
    recipient       VARCHAR(128) NOT NULL,
    recipient_kind  VARCHAR(16) NOT NULL,
    workspace_id    VARCHAR(128) NOT NULL,
    kind            VARCHAR(32) NOT NULL,
    subject_type    VARCHAR(32) NOT NULL,
    subject_id      VARCHAR(200) NOT NULL,
    title           VARCHAR(1000) NOT NULL,
    requires        VARCHAR(1000) NOT NULL,
    delivery_mode   VARCHAR(16) NOT NULL,
    item_count      INTEGER NOT NULL,
    first_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts        INTEGER NOT NULL,
    claim_token     VARCHAR(128),
    claimed_until   TIMESTAMP(6) WITH TIME ZONE,
    row_version     BIGINT NOT NULL,
    CONSTRAINT pk_cwk_notification PRIMARY KEY (id)
);

-- The delivery job's claim: due items, earliest first.
CREATE INDEX ix_cwk_notification_due ON cwk_notification (due_at, id);
-- Merging a change into the open item of its (recipient, kind, subject); a recipient's own queue.
CREATE INDEX ix_cwk_notification_key ON cwk_notification (tenant_id, recipient, kind, subject_type, subject_id);
-- Restricting the items about a subject that became internal.
CREATE INDEX ix_cwk_notification_subject ON cwk_notification (tenant_id, workspace_id, subject_type, subject_id);
