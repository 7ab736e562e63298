package io.clientworkspace.dashboard;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.workspace.WorkspaceStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a dashboard page shows and in which order. Build it with {@link #builder()}; the constructor checks every
 * field and reports every bad one at once ({@link ValidationException} with one {@link FieldError} per field).
 *
 * @param assignedToMe        only workspaces whose {@link WorkspaceSummary#lead()} is the caller
 * @param needsAttention      only workspaces with at least one {@link AttentionReason}
 * @param pendingApprovalDays {@link AttentionReason#PENDING_APPROVAL} when the oldest pending approval is at least
 *                            this many days (of 24 hours) old; 1 to 365, default {@value #DEFAULT_PENDING_APPROVAL_DAYS}
 * @param clientInactiveDays  {@link AttentionReason#CLIENT_INACTIVE} when the last client activity is at least this
 *                            many days old (or never happened) in a workspace with client members; 1 to 365, default
 *                            {@value #DEFAULT_CLIENT_INACTIVE_DAYS}
 * @param status              only workspaces with this status; empty for any; default ACTIVE
 * @param text                only workspaces whose name, slug or external reference contains it, ignoring case
 *                            (both sides lower-cased with {@code Locale.ROOT}); 1 to 100 characters, no control
 *                            characters, taken as written (no wildcards)
 * @param sort                the order, default {@link DashboardSort#LAST_CLIENT_ACTIVITY}
 * @param direction           default {@link SortDirection#ASCENDING} (for the default sort: the quietest first)
 */
public record DashboardQuery(boolean assignedToMe, boolean needsAttention, int pendingApprovalDays,
                             int clientInactiveDays, Optional<WorkspaceStatus> status, Optional<String> text,
                             DashboardSort sort, SortDirection direction) {

    /** Default of {@link #pendingApprovalDays()}. */
    public static final int DEFAULT_PENDING_APPROVAL_DAYS = 3;
    /** Default of {@link #clientInactiveDays()}. */
    public static final int DEFAULT_CLIENT_INACTIVE_DAYS = 14;
    /** The largest threshold in days. */
    public static final int MAX_DAYS = 365;
    /** The longest search text. */
    public static final int MAX_TEXT_LENGTH = 100;

    public DashboardQuery {
        requireNonNull(status, "status must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(sort, "sort must not be null");
        requireNonNull(direction, "direction must not be null");
        List<FieldError> errors = new ArrayList<>();
        if (pendingApprovalDays < 1 || pendingApprovalDays > MAX_DAYS) {
            errors.add(FieldError.of("pendingApprovalDays", "must be between 1 and " + MAX_DAYS + " but was "
                    + pendingApprovalDays));
        }
        if (clientInactiveDays < 1 || clientInactiveDays > MAX_DAYS) {
            errors.add(FieldError.of("clientInactiveDays", "must be between 1 and " + MAX_DAYS + " but was "
                    + clientInactiveDays));
        }
        if (text.isPresent()) {
            String t = text.get();
            if (t.isEmpty() || t.length() > MAX_TEXT_LENGTH) {
                errors.add(FieldError.of("text", "must be 1 to " + MAX_TEXT_LENGTH + " characters long"));
            } else if (t.chars().anyMatch(Character::isISOControl)) {
                errors.add(FieldError.of("text", "must not contain control characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The default query: every active workspace the caller may see, quietest client first. */
    public static DashboardQuery defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this query. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.assignedToMe = assignedToMe;
        b.needsAttention = needsAttention;
        b.pendingApprovalDays = pendingApprovalDays;
        b.clientInactiveDays = clientInactiveDays;
        b.status = status;
        b.text = text;
        b.sort = sort;
        b.direction = direction;
        return b;
    }

    /** Builds a {@link DashboardQuery}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {

        private boolean assignedToMe;
        private boolean needsAttention;
        private int pendingApprovalDays = DEFAULT_PENDING_APPROVAL_DAYS;
        private int clientInactiveDays = DEFAULT_CLIENT_INACTIVE_DAYS;
        private Optional<WorkspaceStatus> status = Optional.of(WorkspaceStatus.ACTIVE);
        private Optional<String> text = Optional.empty();
        private DashboardSort sort = DashboardSort.LAST_CLIENT_ACTIVITY;
        private SortDirection direction = SortDirection.ASCENDING;

        private Builder() {
        }

        /** See {@link DashboardQuery#assignedToMe()}. */
        public Builder assignedToMe(boolean value) {
            this.assignedToMe = value;
            return this;
        }

        /** See {@link DashboardQuery#needsAttention()}. */
        public Builder needsAttention(boolean value) {
            this.needsAttention = value;
            return this;
        }

        /** See {@link DashboardQuery#pendingApprovalDays()}. */
        public Builder pendingApprovalDays(int days) {
            this.pendingApprovalDays = days;
            return this;
        }

        /** See {@link DashboardQuery#clientInactiveDays()}. */
        public Builder clientInactiveDays(int days) {
            this.clientInactiveDays = days;
            return this;
        }

        /** Only workspaces with this status. */
        public Builder status(WorkspaceStatus value) {
            this.status = Optional.of(requireNonNull(value, "status must not be null"));
            return this;
        }

        /** Workspaces of any status. */
        public Builder anyStatus() {
            this.status = Optional.empty();
            return this;
        }

        /** See {@link DashboardQuery#text()}; empty for no text filter. */
        public Builder text(Optional<String> value) {
            this.text = requireNonNull(value, "text must not be null");
            return this;
        }

        /** See {@link DashboardQuery#text()}. */
        public Builder text(String value) {
            return text(Optional.of(requireNonNull(value, "text must not be null")));
        }

        /** See {@link DashboardQuery#sort()}. */
        public Builder sort(DashboardSort value) {
            this.sort = requireNonNull(value, "sort must not be null");
            return this;
        }

        /** See {@link DashboardQuery#direction()}. */
        public Builder direction(SortDirection value) {
            this.direction = requireNonNull(value, "direction must not be null");
            return this;
        }

        /**
         * The query.
         *
         * @throws ValidationException naming every bad field
         */
        public DashboardQuery build() {
            return new DashboardQuery(assignedToMe, needsAttention, pendingApprovalDays, clientInactiveDays, status,
                    text, sort, direction);
        }
    }
}
