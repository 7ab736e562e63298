-- Client Workspace Kit (postgresql): look tenants up by name (TenantStore.findByName). Flyway format.
-- Names are not unique; (name, id) serves "where name = ? order by id" from the index alone.
-- A plain CREATE INDEX (not CONCURRENTLY: Flyway runs this migration in one transaction) briefly blocks
-- writes to cwk_tenant, a table with one row per tenant.

CREATE INDEX ix_cwk_tenant_name ON cwk_tenant (name, id);
