-- Client Workspace Kit (H2): insights (migration V16). Flyway format; apply after V15.
-- Daily rollups and visit dedupe state, never logs: one row per (tenant, scope, user) holding the last visit day,
-- and one row per (tenant, scope, day, metric) holding a count, a sum of seconds and the counts of the fixed
-- duration histogram (DurationHistogram: bucket i in column b<i>, 26 buckets) and, for duration metrics, the exact
-- smallest and largest sample (min_seconds, max_seconds; NULL for count metrics) that keep quantiles within the
-- observed range. Every write is an atomic increment, LEAST/GREATEST update or conditional update (see
-- JpaInsightStore).
-- H2 compares strings by code unit by default, as the in-memory stores order keys; no collation needed.

CREATE TABLE cwk_insight_visit (
    tenant_id       VARCHAR(128) NOT NULL,
    scope_kind      VARCHAR(16) NOT NULL,
    scope_key       VARCHAR(128) NOT NULL,
    user_id         VARCHAR(128) NOT NULL,
    last_day        DATE NOT NULL,
    first_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- Also the index of lastVisit (tenant, WORKSPACE, workspace id).
    CONSTRAINT pk_cwk_insight_visit PRIMARY KEY (tenant_id, scope_kind, scope_key, user_id)
);

CREATE TABLE cwk_insight_rollup (
    tenant_id       VARCHAR(128) NOT NULL,
    scope_kind      VARCHAR(16) NOT NULL,
    scope_key       VARCHAR(128) NOT NULL,
    rollup_day      DATE NOT NULL,
    metric          VARCHAR(32) NOT NULL,
    samples         BIGINT NOT NULL,
    total_seconds   BIGINT NOT NULL,
    b00              BIGINT NOT NULL DEFAULT 0,
    b01              BIGINT NOT NULL DEFAULT 0,
    b02              BIGINT NOT NULL DEFAULT 0,
    b03              BIGINT NOT NULL DEFAULT 0,
    b04              BIGINT NOT NULL DEFAULT 0,
    b05              BIGINT NOT NULL DEFAULT 0,
    b06              BIGINT NOT NULL DEFAULT 0,
    b07              BIGINT NOT NULL DEFAULT 0,
    b08              BIGINT NOT NULL DEFAULT 0,
    b09              BIGINT NOT NULL DEFAULT 0,
    b10              BIGINT NOT NULL DEFAULT 0,
    b11              BIGINT NOT NULL DEFAULT 0,
    b12              BIGINT NOT NULL DEFAULT 0,
    b13              BIGINT NOT NULL DEFAULT 0,
    b14              BIGINT NOT NULL DEFAULT 0,
    b15              BIGINT NOT NULL DEFAULT 0,
    b16              BIGINT NOT NULL DEFAULT 0,
    b17              BIGINT NOT NULL DEFAULT 0,
    b18              BIGINT NOT NULL DEFAULT 0,
    b19              BIGINT NOT NULL DEFAULT 0,
    b20              BIGINT NOT NULL DEFAULT 0,
    b21              BIGINT NOT NULL DEFAULT 0,
    b22              BIGINT NOT NULL DEFAULT 0,
    b23              BIGINT NOT NULL DEFAULT 0,
    b24              BIGINT NOT NULL DEFAULT 0,
    b25              BIGINT NOT NULL DEFAULT 0,
    min_seconds      BIGINT,
    max_seconds      BIGINT,
    -- Also the index of a report: one scope's rows over a range of days.
    CONSTRAINT pk_cwk_insight_rollup PRIMARY KEY (tenant_id, scope_kind, scope_key, rollup_day, metric)
);

-- Every scope of a kind (each client user) for one metric over a range of days.
CREATE INDEX ix_cwk_insight_rollup_kind ON cwk_insight_rollup (tenant_id, scope_kind, metric, rollup_day);

-- ---------------------------------------------------------------------------------------------------------------
-- On-time dedupe (fx-misc, review finding 9): one row per (tenant, workspace, item, due day) whose on-time
-- completion was counted in ITEMS_ON_TIME, so that reopening and completing an item again counts nothing more.
-- item_key is "task:<id>" or "milestone:<id>".
CREATE TABLE cwk_insight_on_time (
    tenant_id       VARCHAR(128) NOT NULL,
    workspace_id    VARCHAR(128) NOT NULL,
    item_key        VARCHAR(160) NOT NULL,
    due_on          DATE NOT NULL,
    CONSTRAINT pk_cwk_insight_on_time PRIMARY KEY (tenant_id, workspace_id, item_key, due_on)
);
-- end of on-time dedupe block
