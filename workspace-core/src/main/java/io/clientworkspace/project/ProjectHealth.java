package io.clientworkspace.project;

/**
 * How a project is doing, as the team reports it. {@link #severity()} orders them from best to worst so that
 * summaries can show the worst health of several projects.
 */
public enum ProjectHealth {
    /** Going to plan. */
    ON_TRACK(1),
    /** Might slip; someone is on it. */
    AT_RISK(3),
    /** Will not make it without a change of plan. */
    OFF_TRACK(4),
    /** Paused on purpose. */
    ON_HOLD(2),
    /** Done; the project stays readable. */
    COMPLETED(0);

    private final int severity;

    ProjectHealth(int severity) {
        this.severity = severity;
    }

    /** How bad it is: OFF_TRACK 4 &gt; AT_RISK 3 &gt; ON_HOLD 2 &gt; ON_TRACK 1 &gt; COMPLETED 0. */
    public int severity() {
        return severity;
    }
}
