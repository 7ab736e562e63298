package io.clientworkspace.examples.portal.web;

import org.jspecify.annotations.Nullable;
import java.util.List;

/** What the templates show: small read-only values prepared by the controllers. */
public final class Views {

    private Views() {
    }

    /** One row of the workspace overview. */
    public record WorkspaceRow(String slug, String name, String accent, boolean archived, int members,
                        boolean moreMembers, String lastActivity, String lastActivityAt, String lastActivityExact,
                        String role) {
    }

    /**
     * One member of a workspace, with the roles it may be changed to (empty when the viewer may not):
     * {@code userId} is the kit's opaque id (for forms), {@code name} the login name people see.
     */
    public record MemberView(String userId, String role, String roleLabel, boolean team, boolean you,
                      List<Option> roleOptions, String name) {
    }

    /** One line of the activity feed. */
    public record ActivityView(String actor, boolean actorIsTeam, String text, String at, String exact, boolean internal) {
    }

    /** A pending invitation. */
    public record InvitationView(String id, String email, String roleLabel, String expires) {
    }

    /** A choice in a select box. */
    public record Option(String value, String label) {
    }

    /** The signed-in user, for the page header. */
    public record CurrentUser(String name, boolean team) {
        public String kindLabel() {
            return team ? "Agency team" : "Client";
        }
    }

    /** A folder in a list, or one step of the folder path. */
    public record FolderView(String id, String name, boolean internal) {
    }

    /** A file in the files list. */
    public record FileRow(String id, String name, int latestVersion, boolean internal, String updated,
                          String updatedExact) {
    }

    /** One version of a file. */
    public record VersionView(int number, String name, String size, String sha256, String type, String uploadedBy,
                              String uploadedAt, boolean latest) {
    }

    /** An approval request in a list, with what the viewer may do about it. */
    public record ApprovalRow(String id, String title, String status, String statusLabel, String subject,
                              @Nullable String fileId, @Nullable Integer fileVersion, String requestedBy, String requestedAt,
                              String approvers, boolean waitingForYou) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** One decision of an approval record. */
    public record DecisionView(int sequence, String approver, boolean team, String decision, String decisionLabel,
                               String at, String comment, @Nullable Integer fileVersion, @Nullable String sha256) {
    }
}
