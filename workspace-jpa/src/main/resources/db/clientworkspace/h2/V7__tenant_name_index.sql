-- Client Workspace Kit (h2): look tenants up by name (TenantStore.findByName). Flyway format.
-- Names are not unique; (name, id) serves "where name = ? order by id" from the index alone.
-- H2 commits each DDL statement, so a run that failed half way must be re-runnable (after "flyway repair").

CREATE INDEX IF NOT EXISTS ix_cwk_tenant_name ON cwk_tenant (name, id);
