package io.clientworkspace.spi;

/** Constants of {@link TenantStore}'s default methods; not part of the SPI. */
final class TenantStoreDefaults {

    /** Page size of the default {@link TenantStore#findByName}'s walk through {@link TenantStore#list}. */
    static final int FIND_BY_NAME_PAGE = 500;

    private TenantStoreDefaults() {
    }
}
