package io.clientworkspace.examples.portal.web;

import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.member.WorkspaceRole;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Words for what the kit returns as codes: roles, activity entries, times. */
final class Labels {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Labels() {
    }

    static String role(WorkspaceRole role) {
        return switch (role) {
            case LEAD -> "Lead";
            case MEMBER -> "Team member";
            case CLIENT_ADMIN -> "Client admin";
            case CLIENT_CONTRIBUTOR -> "Client contributor";
            case CLIENT_VIEWER -> "Client viewer";
        };
    }

    static String role(String name) {
        try {
            return role(WorkspaceRole.valueOf(name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** One activity entry as a sentence without its subject, e.g. "added carol as Client admin". */
    static String activity(ActivityEntry entry) {
        return activity(entry, id -> id);
    }

    /** {@link #activity(ActivityEntry)} with the user a member entry names shown through {@code names}. */
    static String activity(ActivityEntry entry, java.util.function.UnaryOperator<String> names) {
        Map<String, String> d = entry.details();
        return switch (entry.action()) {
            case "workspace.created" -> "created the workspace";
            case "workspace.created-from-template" -> "made the workspace from the template "
                    + d.getOrDefault("key", "?") + " (version " + d.getOrDefault("version", "?") + ")";
            case "workspace.renamed" -> "renamed the workspace from “" + d.getOrDefault("from", "?") + "” to “"
                    + d.getOrDefault("to", "?") + "”";
            case "workspace.branding-changed" -> "updated the branding";
            case "workspace.external-ref-changed" -> d.getOrDefault("externalRef", "").isEmpty()
                    ? "unlinked the CRM account" : "linked the CRM account " + d.get("externalRef");
            case "workspace.archived" -> "archived the workspace";
            case "workspace.restored" -> "restored the workspace";
            case "member.added" -> entry.actorId().value().equals(entry.targetId())
                    ? "joined as " + role(d.getOrDefault("role", "?"))
                    : "added " + names.apply(entry.targetId()) + " as " + role(d.getOrDefault("role", "?"));
            case "member.removed" -> entry.actorId().value().equals(entry.targetId())
                    ? "left the workspace" : "removed " + names.apply(entry.targetId());
            case "member.role-changed" -> "changed " + names.apply(entry.targetId()) + "’s role from "
                    + role(d.getOrDefault("from", "?")) + " to " + role(d.getOrDefault("to", "?"));
            case "invitation.created" -> "invited " + d.getOrDefault("email", "someone") + " as "
                    + role(d.getOrDefault("role", "?"));
            case "invitation.accepted" -> "accepted the invitation sent to " + d.getOrDefault("email", "them");
            case "invitation.revoked" -> "revoked the invitation for " + d.getOrDefault("email", "someone");
            case "folder.created" -> "created the folder “" + d.getOrDefault("name", "?") + "”";
            case "folder.renamed" -> "renamed a folder to “" + d.getOrDefault("name", "?") + "”";
            case "folder.moved" -> "moved the folder “" + d.getOrDefault("name", "?") + "”";
            case "folder.deleted" -> "deleted the folder “" + d.getOrDefault("name", "?") + "”";
            case "file.uploaded" -> "uploaded " + d.getOrDefault("name", "a file");
            case "file.version-added" -> "added version " + d.getOrDefault("version", "?") + " of "
                    + d.getOrDefault("name", "a file");
            case "file.downloaded" -> "downloaded version " + d.getOrDefault("version", "?") + " of a file";
            case "file.trashed" -> "moved " + d.getOrDefault("name", "a file") + " to the trash";
            case "file.restored" -> "restored " + d.getOrDefault("name", "a file") + " from the trash";
            case "approval.requested" -> "asked for approval: “" + d.getOrDefault("title", "?") + "”";
            case "approval.decided" -> decided(d.getOrDefault("decision", "")) + " an approval request";
            case "approval.approved" -> "closed “" + d.getOrDefault("title", "?") + "” as approved";
            case "approval.rejected" -> "closed “" + d.getOrDefault("title", "?") + "” as rejected";
            case "approval.changes-requested" -> "closed “" + d.getOrDefault("title", "?") + "” with changes requested";
            case "approval.cancelled" -> "cancelled the approval request “" + d.getOrDefault("title", "?") + "”";
            case "approval.expired" -> "saw “" + d.getOrDefault("title", "?") + "” expire";
            case "approval.superseded" -> "superseded “" + d.getOrDefault("title", "?") + "” with a new version";
            case "conversation.started" -> "started the conversation “" + d.getOrDefault("title", "?") + "”";
            case "message.posted" -> "posted a message";
            case "message.edited" -> "edited a message";
            case "message.deleted" -> "deleted a message";
            case "message.mentioned" -> "mentioned " + names.apply(d.getOrDefault("member", "someone"));
            default -> ProjectViews.activity(entry.action(), d)
                    .orElse(entry.action().replace('.', ' ').replace('-', ' '));
        };
    }

    private static String decided(String decision) {
        return switch (decision) {
            case "APPROVE" -> "approved";
            case "REJECT" -> "rejected";
            case "REQUEST_CHANGES" -> "requested changes on";
            default -> "decided on";
        };
    }

    /** An approval status in words. */
    static String status(ApprovalStatus status) {
        return switch (status) {
            case OPEN -> "Waiting for decision";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case CHANGES_REQUESTED -> "Changes requested";
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Expired";
            case SUPERSEDED -> "Superseded by a newer version";
        };
    }

    /** A decision in words. */
    static String decision(DecisionKind kind) {
        return switch (kind) {
            case APPROVE -> "Approved";
            case REJECT -> "Rejected";
            case REQUEST_CHANGES -> "Requested changes";
        };
    }

    /** A size for people: "812 bytes", "14.2 KB", "3.1 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", then the date. */
    static String ago(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        if (d.toDays() < 14) {
            return plural(d.toDays(), "day") + " ago";
        }
        return exact(at);
    }

    static String exact(Instant at) {
        return UTC_TIME.format(at);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
