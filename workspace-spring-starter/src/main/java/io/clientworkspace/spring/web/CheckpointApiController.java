package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.checkpoint.Checkpoint;
import io.clientworkspace.checkpoint.CheckpointCheck;
import io.clientworkspace.checkpoint.CheckpointReport;
import io.clientworkspace.spring.web.ActivityDtos.VerificationDto;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A workspace's activity chain checked against signed checkpoints (team only: the check reads team
 * entries): those the configured sink keeps ({@code GET}), or checkpoints the caller brings from
 * elsewhere, e.g. copied from the application log ({@code POST}).
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/activity/checkpoints")
public class CheckpointApiController implements KitController {

    private static final int MAX_CHECKPOINTS = 1000;

    private final WorkspaceKit kit;

    public CheckpointApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The chain against the checkpoints of the sink (up to the 1,000 newest), with the trusted keys. */
    @Operation(summary = "Verify the chain against the sink's newest checkpoints (team)")
    @GetMapping("/verification")
    public CheckpointReportDto verify(Actor actor, @PathVariable String workspaceId) {
        return CheckpointReportDto.of(kit.checkpoints().verify(actor, WorkspaceId.of(workspaceId)));
    }

    /** The chain against the given checkpoints (at most 1,000), with the trusted keys. */
    @Operation(summary = "Verify the chain against the given checkpoints (team)")
    @PostMapping("/verification")
    public CheckpointReportDto verify(Actor actor, @PathVariable String workspaceId,
                                      @RequestBody List<CheckpointDto> checkpoints) {
        if (checkpoints.size() > MAX_CHECKPOINTS) {
            throw new ValidationException(FieldError.of("checkpoints", "at most " + MAX_CHECKPOINTS + " per request"));
        }
        List<Checkpoint> parsed = new ArrayList<>(checkpoints.size());
        for (int i = 0; i < checkpoints.size(); i++) {
            parsed.add(checkpoints.get(i).toCheckpoint("checkpoints[" + i + "]"));
        }
        return CheckpointReportDto.of(kit.checkpoints().verify(actor, WorkspaceId.of(workspaceId), parsed));
    }

    /** A signed checkpoint, field for field (see {@link Checkpoint} for what is signed). */
    public record CheckpointDto(@Nullable String tenantId, @Nullable String workspaceId, long sequence,
                                @Nullable String headHash, long entryCount, @Nullable Instant signedAt,
                                @Nullable String keyId, @Nullable String signature) {

        static CheckpointDto of(Checkpoint c) {
            return new CheckpointDto(c.tenantId().value(), c.workspaceId().value(), c.sequence(), c.headHash(),
                    c.entryCount(), c.signedAt(), c.keyId(), c.signature());
        }

        Checkpoint toCheckpoint(String field) {
            try {
                return new Checkpoint(TenantId.of(requireNonNull(tenantId, "tenantId must not be null")),
                        WorkspaceId.of(requireNonNull(workspaceId, "workspaceId must not be null")), sequence,
                        requireNonNull(headHash, "headHash must not be null"), entryCount,
                        requireNonNull(signedAt, "signedAt must not be null"),
                        requireNonNull(keyId, "keyId must not be null"),
                        requireNonNull(signature, "signature must not be null"));
            } catch (NullPointerException | IllegalArgumentException e) {
                throw new ValidationException(FieldError.of(field, "is not a checkpoint: " + e.getMessage()));
            }
        }
    }

    /** The verdict on one checkpoint. */
    public record CheckDto(CheckpointDto checkpoint, String signature, String chain, boolean confirmed,
                           String explanation) {
        static CheckDto of(CheckpointCheck c) {
            return new CheckDto(CheckpointDto.of(c.checkpoint()), c.signature().name(), c.chain().name(),
                    c.isConfirmed(), c.explanation());
        }
    }

    /** The chain's own verification and the verdict on each checkpoint. */
    public record CheckpointReportDto(boolean intact, boolean tampered, VerificationDto chain, List<CheckDto> checks) {
        static CheckpointReportDto of(CheckpointReport r) {
            return new CheckpointReportDto(r.isIntact(), r.isTampered(), VerificationDto.of(r.chain()),
                    r.checks().stream().map(CheckDto::of).toList());
        }
    }
}
