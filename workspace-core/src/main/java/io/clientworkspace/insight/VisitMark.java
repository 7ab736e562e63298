package io.clientworkspace.insight;

/**
 * What recording a visit changed for one (scope, user).
 *
 * @param firstOfDay  the user had not visited in this scope on that UTC day before
 * @param firstOfWeek the user had not visited in this scope during that ISO week before
 */
public record VisitMark(boolean firstOfDay, boolean firstOfWeek) {

    /** A repeated visit: nothing new. */
    public static final VisitMark REPEATED = new VisitMark(false, false);
}
