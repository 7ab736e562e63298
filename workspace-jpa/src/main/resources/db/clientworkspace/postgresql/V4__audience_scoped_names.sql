-- Client Workspace Kit: folder names unique per audience. Flyway format; apply after V3.
-- V2 made sibling names unique among all siblings, so a client creating "Pricing" next to an internal
-- "Pricing" got a conflict that told it the internal folder exists. Names are now unique among siblings
-- of the same visibility: a client-visible and an internal folder may share a name. Lists page by
-- (name, id), since a name alone no longer identifies a sibling; the id gets the "C" collation so that
-- it orders as the in-memory stores order it, whatever the server's locale.

ALTER TABLE cwk_folder ALTER COLUMN id TYPE VARCHAR(128) COLLATE "C";

ALTER TABLE cwk_folder DROP CONSTRAINT uq_cwk_folder_name;
ALTER TABLE cwk_folder ADD CONSTRAINT uq_cwk_folder_name_vis UNIQUE (tenant_id, workspace_id, parent_id, visibility, name);

-- The index of listChildrenAfter (tenant, workspace, parent, (name, id) > :after order by name, id).
CREATE INDEX ix_cwk_folder_list ON cwk_folder (tenant_id, workspace_id, parent_id, name, id);
