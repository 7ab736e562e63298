package io.clientworkspace.handoff;

import io.clientworkspace.UserId;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Everything a handoff from {@code from} to {@code to} would move, by workspace (ordered by workspace id), and its
 * fingerprint: a SHA-256 over the plan's content that {@link HandoffService#execute} compares with the plan it
 * computes again, so that what is executed is exactly what was previewed.
 *
 * @param from        the leaving team member
 * @param to          the team member taking over
 * @param workspaces  the workspaces where something moves (empty when nothing does)
 * @param fingerprint hex SHA-256 of the plan
 */
public record HandoffPlan(UserId from, UserId to, List<WorkspaceHandoff> workspaces, String fingerprint) {

    public HandoffPlan {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        workspaces = List.copyOf(requireNonNull(workspaces, "workspaces must not be null"));
        requireNonNull(fingerprint, "fingerprint must not be null");
    }

    /** How many lead roles move. */
    public int leadRoles() {
        return (int) workspaces.stream().filter(WorkspaceHandoff::lead).count();
    }

    /** In how many workspaces {@code to} joins. */
    public int joins() {
        return (int) workspaces.stream().filter(WorkspaceHandoff::joinsAsMember).count();
    }

    /** How many open tasks move. */
    public int tasks() {
        return workspaces.stream().mapToInt(w -> w.tasks().size()).sum();
    }

    /** How many open requests move. */
    public int requests() {
        return workspaces.stream().mapToInt(w -> w.requests().size()).sum();
    }

    /** How many projects change owner. */
    public int projects() {
        return workspaces.stream().mapToInt(w -> w.projectsOwned().size()).sum();
    }

    /** Whether the plan moves nothing. */
    public boolean isEmpty() {
        return workspaces.isEmpty();
    }
}
