-- Client Workspace Kit (H2): workspace templates (one row per version) and the origin of each workspace made
-- from one. Flyway format; apply after V12.
-- H2 compares strings by code unit by default, as the in-memory stores order ids; no collation needed.
-- A template's content is one JSON document per version (see JpaTemplateStore / TemplateJson), only read whole.

CREATE TABLE cwk_template (
    tenant_id         VARCHAR(128) NOT NULL,
    id                VARCHAR(128) NOT NULL,
    template_version  INTEGER NOT NULL,
    template_key      VARCHAR(64) NOT NULL,
    name              VARCHAR(200) NOT NULL,
    status            VARCHAR(16) NOT NULL,
    -- Up to 1,000 tasks of 10,000 characters of notes each: more than H2's default 1,048,576.
    content_json      VARCHAR(1000000000) NOT NULL,
    created_by        VARCHAR(128) NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- Also the index of a template's versions in order, and of the tenant's templates by id (listLatest).
    CONSTRAINT pk_cwk_template PRIMARY KEY (tenant_id, id, template_version),
    -- A key names one template per tenant: two templates' first versions can never share it.
    CONSTRAINT uq_cwk_template_key UNIQUE (tenant_id, template_key, template_version)
);

CREATE TABLE cwk_workspace_origin (
    tenant_id         VARCHAR(128) NOT NULL,
    workspace_id      VARCHAR(128) NOT NULL,
    template_id       VARCHAR(128) NOT NULL,
    template_version  INTEGER NOT NULL,
    external_ref      VARCHAR(200) NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cwk_workspace_origin PRIMARY KEY (tenant_id, workspace_id),
    -- What makes creation from a template idempotent across nodes: one workspace per external reference.
    CONSTRAINT uq_cwk_workspace_origin_ref UNIQUE (tenant_id, external_ref)
);
