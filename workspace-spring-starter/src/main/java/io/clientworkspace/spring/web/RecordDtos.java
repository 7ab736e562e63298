package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.member.ClientRole;
import io.clientworkspace.member.Permission;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON shapes of the host's linked records (invoices, tickets, contracts, reports, maintenance windows) and of a
 * tenant's custom client roles.
 */
public final class RecordDtos {

    private RecordDtos() {
    }

    /**
     * A linked record as the caller may see it: {@code amount} (a decimal string with the currency's fraction digits)
     * and {@code currency} are null when there is none or the caller may not see money (no VIEW_BILLING); invoices
     * are never shown to such a caller at all.
     */
    public record LinkedRecordDto(String id, String workspaceId, String type, String hostId, String title, String status,
                                  @Nullable String amount, @Nullable String currency, @Nullable LocalDate issuedOn,
                                  @Nullable LocalDate dueOn, @Nullable Instant startsAt, @Nullable Instant endsAt,
                                  @Nullable String url, String visibility, Instant createdAt, Instant updatedAt,
                                  long version) {
        static LinkedRecordDto of(LinkedRecord r) {
            return new LinkedRecordDto(r.id().value(), r.workspaceId().value(), r.type().name(), r.hostId(), r.title(),
                    r.status(), r.amount().map(m -> m.amount().toPlainString()).orElse(null),
                    r.amount().map(m -> m.currency().getCurrencyCode()).orElse(null), r.issuedOn().orElse(null),
                    r.dueOn().orElse(null), r.startsAt().orElse(null), r.endsAt().orElse(null),
                    r.url().map(URI::toString).orElse(null), r.visibility().name(), r.createdAt(), r.updatedAt(),
                    r.version());
        }
    }

    /**
     * Body of {@code PUT .../records/{type}/{hostId}}: the record's whole content (absent optional fields are
     * cleared). {@code title} and {@code status} required (the status one of the type's); {@code amount} (a decimal
     * string or JSON number) with {@code currency} (ISO 4217) for invoices and contracts only; dates ISO
     * ({@code 2026-12-31}), instants ISO ({@code 2026-12-31T22:00:00Z}); {@code url} http or https;
     * {@code visibility} CLIENT (default) or TEAM.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UpsertRecordRequest(@Nullable String title, @Nullable String status, @Nullable JsonInput amount,
                                      @Nullable String currency, @Nullable String issuedOn, @Nullable String dueOn,
                                      @Nullable String startsAt, @Nullable String endsAt, @Nullable String url,
                                      @Nullable String visibility) implements RejectsUnknownFields {
    }

    /** A tenant's custom client role: the permissions it grants and the built-in client role it ranks as. */
    public record ClientRoleDto(String key, String label, String base, List<String> permissions, long version) {
        static ClientRoleDto of(ClientRole r) {
            return new ClientRoleDto(r.key(), r.label(), r.base().name(),
                    r.permissions().stream().map(Permission::name).sorted().toList(), r.version());
        }
    }

    /**
     * Body of {@code PUT /tenant/client-roles/{key}}: {@code label}, {@code base} (CLIENT_ADMIN, CLIENT_CONTRIBUTOR
     * or CLIENT_VIEWER) and {@code permissions} (must hold VIEW_WORKSPACE and no team-only permission).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DefineClientRoleRequest(@Nullable String label, @Nullable String base,
                                          @Nullable List<String> permissions) implements RejectsUnknownFields {
    }

    /** Body of {@code PUT .../members/{userId}/client-role}: the role's key, or null to clear it. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record AssignClientRoleRequest(@Nullable String clientRole) implements RejectsUnknownFields {
    }
}
