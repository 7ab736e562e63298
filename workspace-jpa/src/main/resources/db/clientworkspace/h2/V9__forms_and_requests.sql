-- Client Workspace Kit (H2): requests and intake forms (versioned form definitions, client requests, form
-- assignments). Flyway format. Form fields and answers are JSON text (see JpaFormStore / FormJson).
-- H2 compares strings by code unit by default, as the in-memory stores order them; no collation needed.

-- One row per version of a form; owner_id is the owning workspace, or '' for the tenant's library.
CREATE TABLE cwk_form (
    tenant_id     VARCHAR(128) NOT NULL,
    id            VARCHAR(128) NOT NULL,
    form_version  INTEGER NOT NULL,
    owner_id      VARCHAR(128) NOT NULL,
    form_key      VARCHAR(64) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    fields_json   VARCHAR(1048576) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- Also the index of a form's versions in order.
    CONSTRAINT pk_cwk_form PRIMARY KEY (tenant_id, id, form_version),
    -- A key names one form per owner: two forms' first versions can never share it.
    CONSTRAINT uq_cwk_form_key UNIQUE (tenant_id, owner_id, form_key, form_version)
);
-- An owner's forms in id order (listLatest).
CREATE INDEX ix_cwk_form_owner ON cwk_form (tenant_id, owner_id, id, form_version);

CREATE TABLE cwk_request (
    tenant_id          VARCHAR(128) NOT NULL,
    workspace_id       VARCHAR(128) NOT NULL,
    id                 VARCHAR(128) NOT NULL,
    title              VARCHAR(200) NOT NULL,
    description        VARCHAR(10000) NOT NULL,
    priority           VARCHAR(16) NOT NULL,
    status             VARCHAR(32) NOT NULL,
    assignee           VARCHAR(128),
    due_on             DATE,
    form_id            VARCHAR(128),
    form_version       INTEGER,
    answers_json       VARCHAR(1048576) NOT NULL,
    attachments        VARCHAR(4000) NOT NULL,
    submitted_by       VARCHAR(128) NOT NULL,
    submitted_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_response_at  TIMESTAMP(6) WITH TIME ZONE,
    resolved_at        TIMESTAMP(6) WITH TIME ZONE,
    decline_reason     VARCHAR(2000),
    version            BIGINT NOT NULL,
    -- Also the index of a workspace's requests, newest (greatest id) first.
    CONSTRAINT pk_cwk_request PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT ck_cwk_request_form CHECK ((form_id IS NULL) = (form_version IS NULL))
);
-- A workspace's requests with one status, newest first; the inbox across workspaces.
CREATE INDEX ix_cwk_request_status ON cwk_request (tenant_id, workspace_id, status, id);
-- The inbox of one assignee.
CREATE INDEX ix_cwk_request_assignee ON cwk_request (tenant_id, assignee, status, id);

CREATE TABLE cwk_form_assignment (
    tenant_id      VARCHAR(128) NOT NULL,
    workspace_id   VARCHAR(128) NOT NULL,
    id             VARCHAR(128) NOT NULL,
    form_id        VARCHAR(128) NOT NULL,
    form_version   INTEGER NOT NULL,
    title          VARCHAR(200) NOT NULL,
    due_on         DATE,
    status         VARCHAR(16) NOT NULL,
    draft_json     VARCHAR(1048576) NOT NULL,
    assigned_by    VARCHAR(128) NOT NULL,
    assigned_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    submitted_by   VARCHAR(128),
    submitted_at   TIMESTAMP(6) WITH TIME ZONE,
    request_id     VARCHAR(128),
    version        BIGINT NOT NULL,
    -- Also the index of a workspace's assignments, newest (greatest id) first.
    CONSTRAINT pk_cwk_form_assignment PRIMARY KEY (tenant_id, workspace_id, id)
);
-- A workspace's assignments with one status, newest first.
CREATE INDEX ix_cwk_form_assignment_status ON cwk_form_assignment (tenant_id, workspace_id, status, id);
