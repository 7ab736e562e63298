package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.DashboardDtos.DashboardRowDto;
import io.clientworkspace.spring.web.DashboardDtos.RebuildDto;
import io.clientworkspace.workspace.WorkspaceStatus;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The operator dashboard: one page of workspace summaries for a team user (tenant admins: every workspace of the
 * tenant; others: the workspaces they serve with a role granting VIEW_DASHBOARD), filtered, sorted and keyset-paged;
 * one workspace's summary; the rebuild of the read model (tenant admins). Clients get 403 for the page and 404 for a
 * workspace's summary (like for a workspace that does not exist).
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/dashboard")
public class DashboardApiController implements KitController {

    private final WorkspaceKit kit;

    public DashboardApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /**
     * One page of summaries. {@code status}: ACTIVE (default), ARCHIVED or ANY; {@code sort}: LAST_CLIENT_ACTIVITY
     * (default), OLDEST_PENDING or NAME; {@code direction}: ASCENDING (default) or DESCENDING; the thresholds of
     * {@code needsAttention} in days (1 to 365). Every bad parameter is reported at once; a cursor is only good for
     * the filters and sort it came from.
     */
    @Operation(summary = "Dashboard: workspace summaries for the team (?assignedToMe, needsAttention, status, text, sort, direction, cursor, limit)")
    @GetMapping
    public PageDto<DashboardRowDto> page(Actor actor,
                                         @RequestParam(defaultValue = "false") boolean assignedToMe,
                                         @RequestParam(defaultValue = "false") boolean needsAttention,
                                         @RequestParam(required = false) @Nullable Integer pendingApprovalDays,
                                         @RequestParam(required = false) @Nullable Integer clientInactiveDays,
                                         @RequestParam(required = false) @Nullable String status,
                                         @RequestParam(required = false) @Nullable String text,
                                         @RequestParam(required = false) @Nullable String sort,
                                         @RequestParam(required = false) @Nullable String direction,
                                         @RequestParam(required = false) @Nullable String cursor,
                                         @RequestParam(defaultValue = "50") int limit) {
        DashboardQuery query = query(assignedToMe, needsAttention, pendingApprovalDays, clientInactiveDays, status,
                text, sort, direction);
        return PageDto.of(kit.dashboard().page(actor, query, WorkspaceApiController.page(cursor, limit)),
                DashboardRowDto::of);
    }

    /** One workspace's summary, with attention reasons under the given (or default) thresholds. */
    @Operation(summary = "Dashboard: one workspace's summary (?pendingApprovalDays, clientInactiveDays)")
    @GetMapping("/{workspaceId}")
    public DashboardRowDto summary(Actor actor, @PathVariable String workspaceId,
                                   @RequestParam(required = false) @Nullable Integer pendingApprovalDays,
                                   @RequestParam(required = false) @Nullable Integer clientInactiveDays) {
        DashboardQuery thresholds = query(false, false, pendingApprovalDays, clientInactiveDays, null, null, null, null);
        return DashboardRowDto.of(kit.dashboard().summary(actor, WorkspaceId.of(workspaceId), thresholds));
    }

    /** Recomputes every summary of the tenant from the source data (tenant admins). */
    @Operation(summary = "Dashboard: recompute every summary of the tenant (tenant admins)")
    @PostMapping("/rebuild")
    public RebuildDto rebuild(Actor actor) {
        return new RebuildDto(kit.dashboard().rebuild(actor));
    }

    /** The query of the parameters, naming every bad one at once. */
    static DashboardQuery query(boolean assignedToMe, boolean needsAttention, @Nullable Integer pendingApprovalDays,
                                @Nullable Integer clientInactiveDays, @Nullable String status, @Nullable String text,
                                @Nullable String sort, @Nullable String direction) {
        List<FieldError> errors = new ArrayList<>();
        DashboardQuery.Builder builder = DashboardQuery.builder().assignedToMe(assignedToMe)
                .needsAttention(needsAttention);
        if (pendingApprovalDays != null) {
            builder.pendingApprovalDays(pendingApprovalDays);
        }
        if (clientInactiveDays != null) {
            builder.clientInactiveDays(clientInactiveDays);
        }
        if (status != null && !status.isBlank()) {
            if (status.strip().equalsIgnoreCase("ANY")) {
                builder.anyStatus();
            } else {
                parse(status, WorkspaceStatus.class, "status", errors).ifPresent(builder::status);
            }
        }
        if (text != null) {
            builder.text(text);
        }
        if (sort != null && !sort.isBlank()) {
            parse(sort, DashboardSort.class, "sort", errors).ifPresent(builder::sort);
        }
        if (direction != null && !direction.isBlank()) {
            parse(direction, SortDirection.class, "direction", errors).ifPresent(builder::direction);
        }
        try {
            DashboardQuery query = builder.build();
            if (errors.isEmpty()) {
                return query;
            }
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        throw new ValidationException(errors);
    }

    private static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type, String field,
                                                         List<FieldError> errors) {
        try {
            return Optional.of(Inputs.enumValue(value.strip().toUpperCase(Locale.ROOT), type, field));
        } catch (ValidationException e) {
            if ("status".equals(field)) {
                errors.add(FieldError.of(field, "must be one of ACTIVE, ARCHIVED, ANY"));
            } else {
                errors.addAll(e.fieldErrors());
            }
            return Optional.empty();
        }
    }
}
