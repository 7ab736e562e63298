-- Client Workspace Kit (h2): signed checkpoints of the activity chains. Flyway format.
-- The kit's default CheckpointSink keeps checkpoints in cwk_activity_checkpoint (and writes each one to
-- the application log). A table next to the activity log protects against accidents, not against a
-- database writer, who could delete both: hosts that need the latter configure a CheckpointSink outside
-- this database. Checkpoints are signed (Ed25519), so the table needs no secrecy, only retention.
-- H2 commits each DDL statement, so a run that failed half way must be re-runnable (after "flyway repair").

CREATE TABLE IF NOT EXISTS cwk_activity_checkpoint (
    tenant_id     VARCHAR(128) NOT NULL,
    workspace_id  VARCHAR(128) NOT NULL,
    seq           BIGINT NOT NULL,
    key_id        VARCHAR(128) NOT NULL,
    head_hash     VARCHAR(64) NOT NULL,
    entry_count   BIGINT NOT NULL,
    signed_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    signature     VARCHAR(512) NOT NULL,
    CONSTRAINT pk_cwk_activity_checkpoint PRIMARY KEY (tenant_id, workspace_id, seq, key_id)
);

-- CheckpointSink.newestSignedAt: where signing resumes after a restart.
CREATE INDEX IF NOT EXISTS ix_cwk_activity_checkpoint_signed ON cwk_activity_checkpoint (signed_at);

-- ActivityStore.latestEntriesSince: the workspaces whose chain moved since the last signing run are
-- found from the entries of that period, not by reading every workspace's chain.
CREATE INDEX IF NOT EXISTS ix_cwk_activity_occurred ON cwk_activity (occurred_at);
