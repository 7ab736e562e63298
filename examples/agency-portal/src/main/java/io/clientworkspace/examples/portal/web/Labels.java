package io.clientworkspace.examples.portal.web;

import io.clientworkspace.activity.ActivityEntry;
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
        Map<String, String> d = entry.details();
        return switch (entry.action()) {
            case "workspace.created" -> "created the workspace";
            case "workspace.renamed" -> "renamed the workspace from “" + d.getOrDefault("from", "?") + "” to “"
                    + d.getOrDefault("to", "?") + "”";
            case "workspace.branding-changed" -> "updated the branding";
            case "workspace.external-ref-changed" -> d.getOrDefault("externalRef", "").isEmpty()
                    ? "unlinked the CRM account" : "linked the CRM account " + d.get("externalRef");
            case "workspace.archived" -> "archived the workspace";
            case "workspace.restored" -> "restored the workspace";
            case "member.added" -> entry.actorId().value().equals(entry.targetId())
                    ? "joined as " + role(d.getOrDefault("role", "?"))
                    : "added " + entry.targetId() + " as " + role(d.getOrDefault("role", "?"));
            case "member.removed" -> entry.actorId().value().equals(entry.targetId())
                    ? "left the workspace" : "removed " + entry.targetId();
            case "member.role-changed" -> "changed " + entry.targetId() + "’s role from "
                    + role(d.getOrDefault("from", "?")) + " to " + role(d.getOrDefault("to", "?"));
            case "invitation.created" -> "invited " + d.getOrDefault("email", "someone") + " as "
                    + role(d.getOrDefault("role", "?"));
            case "invitation.accepted" -> "accepted the invitation sent to " + d.getOrDefault("email", "them");
            case "invitation.revoked" -> "revoked the invitation for " + d.getOrDefault("email", "someone");
            default -> entry.action().replace('.', ' ').replace('-', ' ');
        };
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
