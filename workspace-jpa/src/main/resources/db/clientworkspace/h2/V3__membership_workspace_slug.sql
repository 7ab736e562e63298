-- Client Workspace Kit (H2): a copy of the workspace's slug on every membership, so that a member's list of
-- workspaces (keyset-paginated by slug) is one range scan of one index, read only as far as the page
-- needs, however many workspaces the member belongs to. Flyway format; apply after V2.
-- A workspace's slug never changes once created, so the copy never goes stale; the stores write it
-- when they insert the membership.

-- H2 commits each DDL statement, so a run that failed half way must be re-runnable (after "flyway repair").
ALTER TABLE cwk_membership ADD COLUMN IF NOT EXISTS workspace_slug VARCHAR(63);

UPDATE cwk_membership m SET workspace_slug = (
    SELECT w.slug FROM cwk_workspace w WHERE w.tenant_id = m.tenant_id AND w.id = m.workspace_id);

-- Fails on a membership whose workspace row is gone (the kit never deletes workspaces): find such rows
-- with "SELECT * FROM cwk_membership WHERE workspace_slug IS NULL" and delete them, run Flyway's repair,
-- then migrate again.
ALTER TABLE cwk_membership ALTER COLUMN workspace_slug SET NOT NULL;

-- The index of listForMember (tenant, user, slug > :after, role in :roles, order by slug), with the
-- workspace id to join on. It replaces ix_cwk_membership_user, which only the old form of that query used.
CREATE INDEX IF NOT EXISTS ix_cwk_membership_user_slug ON cwk_membership (tenant_id, user_id, workspace_slug, role, workspace_id);
DROP INDEX IF EXISTS ix_cwk_membership_user;
