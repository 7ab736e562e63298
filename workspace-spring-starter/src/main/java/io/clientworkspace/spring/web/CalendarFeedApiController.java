package io.clientworkspace.spring.web;

import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The public iCalendar feed a calendar application subscribes to: {@code GET {base-path}/calendar-feeds/{token}.ics},
 * without a signed-in user (the feed token is the credential; see {@code kit.calendar().feedByToken}). The tenant is
 * the {@code ?tenant=} parameter, else {@code client-workspace.security.default-tenant-id}. It renders what the
 * token's member may see <em>now</em>. A malformed, unknown, tampered, revoked or other tenant's token, a missing
 * tenant, a member removed since: all answer the same 404 problem, before any byte of a feed.
 *
 * <p>The host's security chain must let exactly this path through without a user: the starter's
 * {@link io.clientworkspace.spring.security.PublicEndpoints} bean is its request matcher. Answers carry
 * {@code Cache-Control: private, max-age=300}: a calendar application may keep the feed five minutes, shared caches
 * never.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}")
public class CalendarFeedApiController implements KitController {

    /** The path below the base path. */
    public static final String PATH = "/calendar-feeds/{token}.ics";

    private final WorkspaceKit kit;
    private final Optional<TenantId> defaultTenant;

    /** @param defaultTenant the tenant of feed URLs that name none */
    public CalendarFeedApiController(WorkspaceKit kit, Optional<TenantId> defaultTenant) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.defaultTenant = requireNonNull(defaultTenant, "defaultTenant must not be null");
    }

    /** The feed the token opens, as {@code text/calendar}. */
    @Operation(summary = "Public iCalendar feed by feed token (no sign-in; unknown or revoked token 404)")
    @GetMapping(PATH)
    public void feed(@PathVariable String token, @RequestParam(required = false) @Nullable String tenant,
                     HttpServletResponse response) throws IOException {
        TenantId tenantId = tenant(tenant).orElseThrow(CalendarFeedApiController::unknown);
        kit.calendar().feedByToken(tenantId, token, new CalendarFeedOutput(response, "private, max-age=300"));
    }

    private Optional<TenantId> tenant(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return defaultTenant;
        }
        try {
            return Optional.of(TenantId.of(given));
        } catch (ValidationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The same answer as the kit's for an unknown token. */
    private static NotFoundException unknown() {
        return new NotFoundException("calendar-feed", "given");
    }
}
