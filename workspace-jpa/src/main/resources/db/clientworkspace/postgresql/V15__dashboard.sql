-- Client Workspace Kit (PostgreSQL): the operator dashboard's read model, one summary row per workspace, kept by
-- the dashboard's projection in the unit of work of every change. Flyway format; apply after V14.
-- The primary key starts with tenant_id: no row is ever addressed by a bare id. Keys that order keyset pages use
-- the "C" collation: code-point order, as the in-memory store orders them.

CREATE TABLE cwk_dashboard_summary (
    tenant_id                    VARCHAR(128) NOT NULL,
    workspace_id                 VARCHAR(128) COLLATE "C" NOT NULL,
    name                         VARCHAR(120) NOT NULL,
    -- The NAME sort's key: the name lower-cased with Locale.ROOT (written by the store).
    sort_name                    VARCHAR(400) COLLATE "C" NOT NULL,
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

-- The text filter ("contains", any position) on a trigram index where the pg_trgm extension is available and may
-- be created (it is a trusted extension since PostgreSQL 13: a database owner may create it); without it the
-- filter still works, scanning the tenant's rows in page order.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pg_trgm could not be created (%): the dashboard''s text filter runs without its index', SQLERRM;
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX ix_cwk_dashboard_search ON cwk_dashboard_summary USING gin (search_text gin_trgm_ops)';
    END IF;
END
$$;

-- The source aggregates the projection runs in the unit of work of every change, each one statement on an index:
-- "last client / team activity": max(occurred_at) of one actor kind in a workspace.
CREATE INDEX ix_cwk_activity_actor_kind ON cwk_activity (tenant_id, workspace_id, actor_kind, occurred_at);
-- Overdue tasks and milestones: open items due before today, however many done ones a workspace has.
CREATE INDEX ix_cwk_task_open_due ON cwk_task (tenant_id, workspace_id, due_date) WHERE completed_at IS NULL;
CREATE INDEX ix_cwk_milestone_open_due ON cwk_milestone (tenant_id, workspace_id, due_date) WHERE delivered_at IS NULL;
