-- Client Workspace Kit (H2): folders, files and their versions, the download log, approval requests and
-- their append-only decision records. Flyway format; apply after V1.
-- Every primary key starts with (tenant_id, workspace_id): no row is ever addressed by a bare id.
-- Top-level folders and files have the empty string as parent/folder id (never a valid id) rather
-- than NULL, so that sibling names are unique at the top level too and one index serves every listing.
-- H2 compares strings by code unit by default, as the in-memory stores order them; no collation needed.

CREATE TABLE cwk_folder (
    tenant_id     VARCHAR(128) NOT NULL,
    workspace_id  VARCHAR(128) NOT NULL,
    id            VARCHAR(128) NOT NULL,
    parent_id     VARCHAR(128) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    visibility    VARCHAR(16) NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL,
    CONSTRAINT pk_cwk_folder PRIMARY KEY (tenant_id, workspace_id, id),
    -- Also the index of listChildren (tenant, workspace, parent, name > :after order by name).
    CONSTRAINT uq_cwk_folder_name UNIQUE (tenant_id, workspace_id, parent_id, name)
);

CREATE TABLE cwk_file (
    tenant_id       VARCHAR(128) NOT NULL,
    workspace_id    VARCHAR(128) NOT NULL,
    id              VARCHAR(128) NOT NULL,
    folder_id       VARCHAR(128) NOT NULL,
    name            VARCHAR(255) NOT NULL,
    visibility      VARCHAR(16) NOT NULL,
    latest_version  INTEGER NOT NULL,
    status          VARCHAR(16) NOT NULL,
    created_by      VARCHAR(128) NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT pk_cwk_file PRIMARY KEY (tenant_id, workspace_id, id)
);
-- Folder listings (keyset on name, id) and "is this folder empty".
CREATE INDEX ix_cwk_file_list ON cwk_file (tenant_id, workspace_id, folder_id, status, name, id);
-- Counts by status (and visibility for clients).
CREATE INDEX ix_cwk_file_status ON cwk_file (tenant_id, workspace_id, status, visibility);

CREATE TABLE cwk_file_version (
    tenant_id       VARCHAR(128) NOT NULL,
    workspace_id    VARCHAR(128) NOT NULL,
    file_id         VARCHAR(128) NOT NULL,
    version_number  INTEGER NOT NULL,
    name            VARCHAR(255) NOT NULL,
    blob_key        VARCHAR(512) NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          VARCHAR(64) NOT NULL,
    detected_type   VARCHAR(255) NOT NULL,
    declared_type   VARCHAR(255) NOT NULL,
    uploaded_by     VARCHAR(128) NOT NULL,
    uploaded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cwk_file_version PRIMARY KEY (tenant_id, workspace_id, file_id, version_number)
);
-- The orphan-blob sweep asks which keys are still referenced (maintenance, across tenants).
CREATE INDEX ix_cwk_file_version_blob ON cwk_file_version (blob_key);

CREATE TABLE cwk_download (
    tenant_id       VARCHAR(128) NOT NULL,
    workspace_id    VARCHAR(128) NOT NULL,
    file_id         VARCHAR(128) NOT NULL,
    id              VARCHAR(128) NOT NULL,
    version_number  INTEGER NOT NULL,
    user_id         VARCHAR(128) NOT NULL,
    actor_kind      VARCHAR(16) NOT NULL,
    downloaded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- Also the index of a file's downloads, newest (greatest id) first.
    CONSTRAINT pk_cwk_download PRIMARY KEY (tenant_id, workspace_id, file_id, id)
);

CREATE TABLE cwk_approval (
    tenant_id                VARCHAR(128) NOT NULL,
    workspace_id             VARCHAR(128) NOT NULL,
    id                       VARCHAR(128) NOT NULL,
    title                    VARCHAR(200) NOT NULL,
    message                  VARCHAR(4000),
    subject_type             VARCHAR(16) NOT NULL,
    file_id                  VARCHAR(128),
    file_version             INTEGER,
    file_sha256              VARCHAR(64),
    deliverable_description  VARCHAR(4000),
    deliverable_link         VARCHAR(2000),
    approvers                VARCHAR(16000) NOT NULL,
    policy_kind              VARCHAR(16) NOT NULL,
    policy_quorum            INTEGER NOT NULL,
    due_at                   TIMESTAMP(6) WITH TIME ZONE,
    status                   VARCHAR(32) NOT NULL,
    requested_by             VARCHAR(128) NOT NULL,
    requested_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    resolved_at              TIMESTAMP(6) WITH TIME ZONE,
    version                  BIGINT NOT NULL,
    -- Also the index of a workspace's requests, newest (greatest id) first.
    CONSTRAINT pk_cwk_approval PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT ck_cwk_approval_subject CHECK (
        (subject_type = 'FILE_VERSION' AND file_id IS NOT NULL AND file_version IS NOT NULL AND file_sha256 IS NOT NULL)
        OR (subject_type = 'DELIVERABLE' AND deliverable_description IS NOT NULL))
);
-- A workspace's requests with one status, newest first.
CREATE INDEX ix_cwk_approval_status ON cwk_approval (tenant_id, workspace_id, status, id);
-- Requests about one file (superseding, "is this version approved").
CREATE INDEX ix_cwk_approval_file ON cwk_approval (tenant_id, workspace_id, file_id, id);
-- The expiry sweep: open requests with a due date (maintenance, across tenants).
CREATE INDEX ix_cwk_approval_due ON cwk_approval (status, due_at);

CREATE TABLE cwk_approval_decision (
    tenant_id      VARCHAR(128) NOT NULL,
    workspace_id   VARCHAR(128) NOT NULL,
    approval_id    VARCHAR(128) NOT NULL,
    seq            INTEGER NOT NULL,
    approver       VARCHAR(128) NOT NULL,
    approver_kind  VARCHAR(16) NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    comment_text   VARCHAR(4000),
    decided_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    file_version   INTEGER,
    file_sha256    VARCHAR(64),
    -- Also the index of a request's record in order.
    CONSTRAINT pk_cwk_approval_decision PRIMARY KEY (tenant_id, workspace_id, approval_id, seq)
);
