package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainVerification;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * The JSON shapes of the activity log and its verification.
 */
public final class ActivityDtos {

    private ActivityDtos() {
    }

    /**
     * One activity entry. {@code sequence} (the entry's position in the workspace's hash chain) is present only
     * for callers who see the whole chain (the team); clients' entries have no such field, because the gaps
     * between their sequence numbers would count and date the team-only entries.
     */
    public record ActivityDto(String id,
                              @Schema(description = "Position in the workspace's activity chain; only for callers"
                                      + " who may see internal activity (absent for clients)")
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long sequence,
                              String actorId, String actorKind, String action,
                              String targetType, String targetId, Instant occurredAt, String visibility,
                              Map<String, String> details) {
        static ActivityDto of(ActivityEntry e) {
            return new ActivityDto(e.id().value(), e.chainWithheld() ? null : e.sequence(), e.actorId().value(),
                    e.actorKind().name(), e.action(), e.targetType(), e.targetId(), e.occurredAt(), e.visibility().name(),
                    e.details());
        }
    }

    /** The result of verifying a workspace's activity chain. */
    public record VerificationDto(boolean intact, long entriesChecked, @Nullable Long firstBrokenSequence,
                                  @Nullable String problem, long headSequence, String headHash) {
        static VerificationDto of(ChainVerification v) {
            return new VerificationDto(v.isIntact(), v.entriesChecked(),
                    v.firstBrokenSequence().isPresent() ? v.firstBrokenSequence().getAsLong() : null,
                    v.problem().orElse(null), v.head().sequence(), v.head().hash());
        }
    }
}
