-- Client Workspace Kit (PostgreSQL): projects, milestones, task lists, tasks (ranked), status updates and their
-- acknowledgements, and each workspace's onboarding facts. Flyway format; apply after V10.
-- Every primary key starts with (tenant_id, workspace_id): no row is ever addressed by a bare id.
-- Ids that order keyset pages use the "C" collation: code-point order, as the in-memory stores order them.

CREATE TABLE cwk_project (
    tenant_id     VARCHAR(128) NOT NULL,
    workspace_id  VARCHAR(128) NOT NULL,
    id            VARCHAR(128) COLLATE "C" NOT NULL,
    name          VARCHAR(200) NOT NULL,
    description   VARCHAR(10000) NOT NULL,
    visibility    VARCHAR(16) NOT NULL,
    start_date    DATE,
    target_date   DATE,
    health        VARCHAR(16) NOT NULL,
    owner_id      VARCHAR(128) NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL,
    -- Also the index of the team's list (creation order = id order) and its count.
    CONSTRAINT pk_cwk_project PRIMARY KEY (tenant_id, workspace_id, id)
);
-- The clients' list and count: CLIENT projects only, in id order.
CREATE INDEX ix_cwk_project_client ON cwk_project (tenant_id, workspace_id, visibility, id);

CREATE TABLE cwk_milestone (
    tenant_id           VARCHAR(128) NOT NULL,
    workspace_id        VARCHAR(128) NOT NULL,
    id                  VARCHAR(128) COLLATE "C" NOT NULL,
    project_id          VARCHAR(128) NOT NULL,
    title               VARCHAR(200) NOT NULL,
    due_date            DATE,
    requires_approval   BOOLEAN NOT NULL,
    approval_id         VARCHAR(128),
    delivered_at        TIMESTAMP(6) WITH TIME ZONE,
    delivered_by        VARCHAR(128),
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- The due date for which the overdue event was raised (set by one conditional update, never by the entity).
    overdue_raised_for  DATE,
    version             BIGINT NOT NULL,
    CONSTRAINT pk_cwk_milestone PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT ck_cwk_milestone_delivered CHECK ((delivered_at IS NULL) = (delivered_by IS NULL))
);
-- A project's milestones by due date, and their count.
CREATE INDEX ix_cwk_milestone_project ON cwk_milestone (tenant_id, workspace_id, project_id, due_date, id);
-- A workspace's milestones due in a date range (calendar, agenda).
CREATE INDEX ix_cwk_milestone_due ON cwk_milestone (tenant_id, workspace_id, due_date, id);
-- The overdue sweep across tenants: undelivered milestones not yet raised for their current due date, oldest due
-- date first (the predicate is the sweep query's condition, so raised milestones leave the index).
CREATE INDEX ix_cwk_milestone_sweep ON cwk_milestone (due_date, id)
    WHERE delivered_at IS NULL AND (overdue_raised_for IS NULL OR overdue_raised_for <> due_date);

CREATE TABLE cwk_task_list (
    tenant_id       VARCHAR(128) NOT NULL,
    workspace_id    VARCHAR(128) NOT NULL,
    id              VARCHAR(128) COLLATE "C" NOT NULL,
    project_id      VARCHAR(128),
    kind            VARCHAR(16) NOT NULL,
    -- 'ONBOARDING' for the onboarding checklist, NULL otherwise: the unique constraint below keeps the checklist
    -- single per workspace (NULLs never collide), so of two concurrent creators one fails with a conflict.
    singleton_key   VARCHAR(16),
    name            VARCHAR(200) NOT NULL,
    visibility      VARCHAR(16) NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- At least the highest rank of the list's tasks (never shown): a new task takes last_rank + 2^20 with one
    -- update of this row, which also locks the list for the rest of the transaction, instead of a MAX over the
    -- list's tasks. Written only by the task store's own statements, never by saving the list.
    last_rank       BIGINT NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT pk_cwk_task_list PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT uq_cwk_task_list_onboarding UNIQUE (tenant_id, workspace_id, singleton_key),
    CONSTRAINT ck_cwk_task_list_onboarding CHECK ((kind = 'ONBOARDING') = (singleton_key IS NOT NULL))
);
-- A project's lists (or the workspace-level ones: project_id IS NULL) in creation order.
CREATE INDEX ix_cwk_task_list_project ON cwk_task_list (tenant_id, workspace_id, project_id, id);

CREATE TABLE cwk_task (
    tenant_id           VARCHAR(128) NOT NULL,
    workspace_id        VARCHAR(128) NOT NULL,
    id                  VARCHAR(128) COLLATE "C" NOT NULL,
    list_id             VARCHAR(128) NOT NULL,
    title               VARCHAR(200) NOT NULL,
    notes               VARCHAR(10000) NOT NULL,
    side                VARCHAR(16) NOT NULL,
    assignee            VARCHAR(128),
    due_date            DATE,
    completed_at        TIMESTAMP(6) WITH TIME ZONE,
    completed_by        VARCHAR(128),
    visibility          VARCHAR(16) NOT NULL,
    created_by          VARCHAR(128) NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- The task's place in its list (never shown): spaced 2^20 apart, renumbered when a gap runs out.
    sort_rank           BIGINT NOT NULL,
    -- The due date for which the overdue event was raised (set by one conditional update, never by the entity).
    overdue_raised_for  DATE,
    version             BIGINT NOT NULL,
    CONSTRAINT pk_cwk_task PRIMARY KEY (tenant_id, workspace_id, id),
    CONSTRAINT ck_cwk_task_completed CHECK ((completed_at IS NULL) = (completed_by IS NULL))
);
-- The team's pages of a list in list order (keyset on rank, id), the list's highest rank and its progress.
CREATE INDEX ix_cwk_task_list_order ON cwk_task (tenant_id, workspace_id, list_id, sort_rank, id);
-- The same for clients: CLIENT tasks only.
CREATE INDEX ix_cwk_task_client_order ON cwk_task (tenant_id, workspace_id, list_id, visibility, sort_rank, id);
-- A workspace's tasks due in a date range (calendar, agenda).
CREATE INDEX ix_cwk_task_due ON cwk_task (tenant_id, workspace_id, due_date, id);
-- The overdue sweep across tenants: open tasks not yet raised for their current due date, oldest due date first
-- (the predicate is the sweep query's condition, so raised tasks leave the index).
CREATE INDEX ix_cwk_task_sweep ON cwk_task (due_date, id)
    WHERE completed_at IS NULL AND (overdue_raised_for IS NULL OR overdue_raised_for <> due_date);

CREATE TABLE cwk_status_update (
    tenant_id     VARCHAR(128) NOT NULL,
    workspace_id  VARCHAR(128) NOT NULL,
    id            VARCHAR(128) COLLATE "C" NOT NULL,
    project_id    VARCHAR(128) NOT NULL,
    health        VARCHAR(16) NOT NULL,
    summary       VARCHAR(5000) NOT NULL,
    done_text     VARCHAR(10000) NOT NULL,
    next_text     VARCHAR(10000) NOT NULL,
    risks_text    VARCHAR(10000) NOT NULL,
    visibility    VARCHAR(16) NOT NULL,
    author_id     VARCHAR(128) NOT NULL,
    posted_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL,
    CONSTRAINT pk_cwk_status_update PRIMARY KEY (tenant_id, workspace_id, id)
);
-- A project's updates, newest (greatest id) first, for the team.
CREATE INDEX ix_cwk_status_update_project ON cwk_status_update (tenant_id, workspace_id, project_id, id);
-- The same for clients: CLIENT updates only.
CREATE INDEX ix_cwk_status_update_client ON cwk_status_update (tenant_id, workspace_id, project_id, visibility, id);

CREATE TABLE cwk_status_ack (
    tenant_id         VARCHAR(128) NOT NULL,
    workspace_id      VARCHAR(128) NOT NULL,
    status_update_id  VARCHAR(128) NOT NULL,
    user_id           VARCHAR(128) COLLATE "C" NOT NULL,
    acknowledged_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- One acknowledgement per user and update: of two concurrent first ones, one fails with a conflict.
    CONSTRAINT pk_cwk_status_ack PRIMARY KEY (tenant_id, workspace_id, status_update_id, user_id)
);
-- An update's acknowledgements, oldest first, then by user.
CREATE INDEX ix_cwk_status_ack_time ON cwk_status_ack (tenant_id, workspace_id, status_update_id, acknowledged_at, user_id);

CREATE TABLE cwk_onboarding (
    tenant_id                     VARCHAR(128) NOT NULL,
    workspace_id                  VARCHAR(128) NOT NULL,
    contract_signed_at            TIMESTAMP(6) WITH TIME ZONE,
    -- Set once, by a conditional update, never cleared.
    checklist_completed_at        TIMESTAMP(6) WITH TIME ZONE,
    -- Set once, by a conditional update, never cleared.
    first_milestone_delivered_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_cwk_onboarding PRIMARY KEY (tenant_id, workspace_id)
);
