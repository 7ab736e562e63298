-- Client Workspace Kit (H2): indexes for handoffs and the audit view. Flyway format; apply after V17.
-- H2 compares strings by code unit by default, as the in-memory stores order ids; no collation needed.

-- The audit view: a tenant's activity across workspaces, newest first (ActivityStore.search).
CREATE INDEX ix_cwk_activity_tenant_time ON cwk_activity (tenant_id, occurred_at, workspace_id, seq);
-- The audit view filtered by person.
CREATE INDEX ix_cwk_activity_tenant_actor ON cwk_activity (tenant_id, actor_id, occurred_at);
-- Handoffs: open tasks of an assignee across workspaces (TaskStore.listOpenAssignedTo).
CREATE INDEX ix_cwk_task_assignee ON cwk_task (tenant_id, assignee, workspace_id, id);
-- Handoffs: projects of an owner across workspaces (ProjectStore.listOwnedBy).
CREATE INDEX ix_cwk_project_owner ON cwk_project (tenant_id, owner_id, workspace_id, id);
