-- Client Workspace Kit (H2): the operator dashboard's read model, one summary row per workspace, kept by
-- the dashboard's projection in the unit of work of every change. Flyway format; apply after V14.
-- The primary key starts with tenant_id: no row is ever addressed by a bare id. H2 compares strings by code unit by
-- default, as the in-memory store orders its keys; no collation needed.

CREATE TABLE cwk_dashboard_summary (
    tenant_id                    VARCHAR(128) NOT NULL,
    workspace_id                 VARCHAR(128) NOT NULL,
    name                         VARCHAR(120) NOT NULL,
    -- The NAME sort's key: the name lower-cased with Locale.ROOT (written by the store).
    sort_name                    VARCHAR(400) NOT NULL,
    slug                         VARCHAR(63) NOT NULL,
    external_ref                 VARCHAR(200),
    -- What the text filter searches: name, slug and external reference lower-cased with Locale.ROOT, separated by
    -- a line break (which a search text, free of control characters, never contains, so no match spans two).
    search_text                  VARCHAR(1200) NOT NULL,
    status                       VARCHAR(16) NOT NULL,
    lead_id                      VARCHAR(128),
    health                       VARCHAR(16) NOT NULL,
    pending_approvals            INTEGER NOT NULL,
    oldest_pending_approval_at   TIMESTAMP(6) WITH TIME ZONE,
    open_requests                INTEGER NOT NULL,
    oldest_open_request_at       TIMESTAMP(6) WITH TIME ZONE,
    overdue_tasks                INTEGER NOT NULL,
    overdue_milestones           INTEGER NOT NULL,
    last_client_activity_at      TIMESTAMP(6) WITH TIME ZONE,
    last_team_activity_at        TIMESTAMP(6) WITH TIME ZONE,
    onboarding_done              INTEGER NOT NULL,
    onboarding_total             INTEGER NOT NULL,
    overdue_invoices             INTEGER NOT NULL,
    open_tickets                 INTEGER NOT NULL,
    client_members               INTEGER NOT NULL,
    updated_at                   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- The sorts' keys as numbers that are never NULL (microseconds since the epoch), so that a keyset page seeks
    -- one index range: LAST_CLIENT_ACTIVITY with "never" as the smallest value, OLDEST_PENDING (the older of the
    -- oldest pending approval and the oldest open request) with "nothing pending" as the largest.
    client_activity_key          BIGINT NOT NULL,
    oldest_pending_key           BIGINT NOT NULL,
    CONSTRAINT pk_cwk_dashboard_summary PRIMARY KEY (tenant_id, workspace_id)
);
-- A tenant's pages in each order, for one status (the default: ACTIVE), read in either direction.
CREATE INDEX ix_cwk_dashboard_client_activity ON cwk_dashboard_summary
    (tenant_id, status, client_activity_key, workspace_id);
CREATE INDEX ix_cwk_dashboard_oldest_pending ON cwk_dashboard_summary
    (tenant_id, status, oldest_pending_key, workspace_id);
CREATE INDEX ix_cwk_dashboard_name ON cwk_dashboard_summary (tenant_id, status, sort_name, workspace_id);
-- "Assigned to me": the workspaces a user leads, in the default order.
CREATE INDEX ix_cwk_dashboard_lead ON cwk_dashboard_summary (tenant_id, lead_id, status, client_activity_key, workspace_id);

-- The text filter ("contains", any position) scans the tenant's rows in page order: H2 has no trigram index.

-- The source aggregates the projection runs in the unit of work of every change, each one statement on an index:
-- "last client / team activity": max(occurred_at) of one actor kind in a workspace.
CREATE INDEX ix_cwk_activity_actor_kind ON cwk_activity (tenant_id, workspace_id, actor_kind, occurred_at);
-- Overdue tasks and milestones: open items due before today. H2 has no partial index: the index leads with the
-- completion (delivery) time, NULL for open items, so done items are outside the scanned range.
CREATE INDEX ix_cwk_task_open_due ON cwk_task (tenant_id, workspace_id, completed_at, due_date);
CREATE INDEX ix_cwk_milestone_open_due ON cwk_milestone (tenant_id, workspace_id, delivered_at, due_date);
