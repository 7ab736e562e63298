-- Client Workspace Kit (H2): folder names unique per audience. Flyway format; apply after V3.
-- V2 made sibling names unique among all siblings, so a client creating "Pricing" next to an internal
-- "Pricing" got a conflict that told it the internal folder exists. Names are now unique among siblings
-- of the same visibility: a client-visible and an internal folder may share a name. Lists page by
-- (name, id), since a name alone no longer identifies a sibling.

-- H2 commits each DDL statement, so a run that failed half way must be re-runnable (after "flyway repair").
ALTER TABLE cwk_folder DROP CONSTRAINT IF EXISTS uq_cwk_folder_name;
ALTER TABLE cwk_folder DROP CONSTRAINT IF EXISTS uq_cwk_folder_name_vis;
ALTER TABLE cwk_folder ADD CONSTRAINT uq_cwk_folder_name_vis UNIQUE (tenant_id, workspace_id, parent_id, visibility, name);

-- The index of listChildrenAfter (tenant, workspace, parent, (name, id) > :after order by name, id).
CREATE INDEX IF NOT EXISTS ix_cwk_folder_list ON cwk_folder (tenant_id, workspace_id, parent_id, name, id);
