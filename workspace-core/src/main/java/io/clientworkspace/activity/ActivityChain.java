package io.clientworkspace.activity;

import io.clientworkspace.ActivityId;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain over a workspace's activity entries.
 *
 * <p>{@code hash = hex(SHA-256(previousHash + "\n" + canonicalForm))}, where the canonical form is a
 * JSON object of every field but the two hashes, in a fixed order, with the details sorted by key and
 * the time as an ISO-8601 UTC instant. The format is versioned ({@code "v":1}) so that a later
 * format can be introduced without breaking old chains.
 */
public final class ActivityChain {

    /** The {@code previousHash} of the first entry of every workspace. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActivityChain() {
    }

    /** Builds the next entry after {@code previousHash}, computing its hash. */
    public static ActivityEntry link(ActivityId id, TenantId tenantId, WorkspaceId workspaceId, long sequence,
                                     UserId actorId, ActorKind actorKind, String action, String targetType,
                                     String targetId, Instant occurredAt, Visibility visibility,
                                     Map<String, String> details, String previousHash) {
        ActivityEntry unsigned = new ActivityEntry(id, tenantId, workspaceId, sequence, actorId, actorKind, action,
                targetType, targetId, occurredAt, visibility, details, previousHash, "");
        return new ActivityEntry(id, tenantId, workspaceId, sequence, actorId, actorKind, action, targetType,
                targetId, occurredAt, visibility, unsigned.details(), previousHash, hash(unsigned));
    }

    /** The hash an entry must carry given its fields and its {@code previousHash}. */
    public static String hash(ActivityEntry entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(entry.previousHash().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(canonicalForm(entry).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The canonical JSON form hashed for an entry (everything but the two hashes). */
    public static String canonicalForm(ActivityEntry entry) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("v", 1);
        form.put("id", entry.id().value());
        form.put("tenant", entry.tenantId().value());
        form.put("workspace", entry.workspaceId().value());
        form.put("seq", entry.sequence());
        form.put("actor", entry.actorId().value());
        form.put("actorKind", entry.actorKind().name());
        form.put("action", entry.action());
        form.put("targetType", entry.targetType());
        form.put("targetId", entry.targetId());
        form.put("at", DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()));
        form.put("visibility", entry.visibility().name());
        form.put("details", new TreeMap<>(entry.details()));
        return JSON.writeValueAsString(form);
    }

    /** Serializes details as a JSON object with sorted keys, for stores that keep them as text. */
    public static String detailsToJson(Map<String, String> details) {
        return JSON.writeValueAsString(new TreeMap<>(details));
    }

    /** Reads details written by {@link #detailsToJson}. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> detailsFromJson(String json) {
        Map<String, Object> raw = JSON.readValue(json, Map.class);
        Map<String, String> details = new TreeMap<>();
        raw.forEach((k, v) -> details.put(k, String.valueOf(v)));
        return details;
    }
}
