/**
 * Insights ({@code insights}): engagement metrics for the host's team, kept as daily rollups so that reading a
 * report costs the same however long the history is.
 *
 * <ul>
 *   <li><b>Client visits</b>: {@link io.clientworkspace.insight.InsightService#recordVisit} records that a client
 *   user visited a workspace, deduplicated per user per UTC day (and per ISO week for weekly active users). Only the
 *   user's last visit day per scope is stored, never a log of requests.</li>
 *   <li><b>Daily rollups</b>: rows (tenant, {@link io.clientworkspace.insight.InsightScope}, day,
 *   {@link io.clientworkspace.insight.InsightMetric}) holding a count, a sum of seconds and the counts of a fixed
 *   {@link io.clientworkspace.insight.DurationHistogram}. A projection keeps them inside the unit of work of each
 *   approval, request, task, milestone and onboarding change.</li>
 *   <li><b>Reports</b>: per ISO week (Monday, UTC; the current week partial and last) for the last 1 to 52 weeks:
 *   {@link io.clientworkspace.insight.InsightReport} for the tenant or a workspace, and
 *   {@link io.clientworkspace.insight.ClientTurnaroundReport} per client user across workspaces. Medians and p90 are
 *   interpolated within histogram buckets (see {@link io.clientworkspace.insight.DurationHistogram}); counts and
 *   means are exact. {@link io.clientworkspace.insight.InsightCsv} renders them as CSV.</li>
 * </ul>
 *
 * <p>Every read is for team actors: a client gets the same {@code NotFoundException} as for a workspace that does
 * not exist (workspace report) or an {@code AccessDeniedException} (tenant-level reports).
 */
@NullMarked
package io.clientworkspace.insight;

import org.jspecify.annotations.NullMarked;
