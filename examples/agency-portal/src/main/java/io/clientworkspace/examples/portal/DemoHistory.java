package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's past, so that the dashboard and the Insights pages have something to show on a fresh start: told
 * through the kit's own API with the {@link DemoClock} set back to when each thing happened, in time order within
 * each workspace.
 *
 * <ul>
 *   <li>Acme was opened twelve weeks ago ({@link #ACME_OPENED}); its files, and the approval Bob asked of Carol for
 *   the homepage mockup, five days ago ({@link #ACME_FILES}): older than the dashboard's default three days, so
 *   "Needs attention" finds Acme for its pending approval.</li>
 *   <li>Globex was opened ten weeks ago ({@link #GLOBEX_OPENED}); since then Alice asked Erin to approve one
 *   deliverable a week ({@link #GLOBEX_DELIVERABLES}), and Erin decided each after some hours or days: the
 *   approval turnaround chart's weekly points.</li>
 *   <li>Carol, Dave and Erin visited their workspaces on some days of the last twelve weeks ({@link #visits}): the
 *   weekly active clients chart. A visit is only a day mark per user (the kit keeps no log of them).</li>
 * </ul>
 */
final class DemoHistory {

    /** When Acme was opened, its people invited and its CRM account linked. */
    static final Duration ACME_OPENED = Duration.ofDays(84);

    /** When Acme's files were shared and the homepage mockup's approval was asked of Carol. */
    static final Duration ACME_FILES = Duration.ofDays(5);

    /** When Globex was opened and Erin joined. */
    static final Duration GLOBEX_OPENED = Duration.ofDays(70);

    /** Globex's weekly deliverables: title, days ago it was asked, hours until Erin's decision, her decision. */
    static final List<Deliverable> GLOBEX_DELIVERABLES = List.of(
            new Deliverable("Sitemap", 66, 20, DecisionKind.APPROVE),
            new Deliverable("Content outline", 59, 45, DecisionKind.APPROVE),
            new Deliverable("Wireframes: home page", 52, 70, DecisionKind.REQUEST_CHANGES),
            new Deliverable("Wireframes: product pages", 45, 30, DecisionKind.APPROVE),
            new Deliverable("Visual design: home page", 38, 96, DecisionKind.APPROVE),
            new Deliverable("Visual design: product pages", 31, 26, DecisionKind.APPROVE),
            new Deliverable("Copy deck", 24, 8, DecisionKind.APPROVE),
            new Deliverable("Style guide", 17, 50, DecisionKind.APPROVE),
            new Deliverable("Launch checklist", 10, 5, DecisionKind.APPROVE),
            new Deliverable("Analytics plan", 4, 28, DecisionKind.APPROVE));

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private DemoHistory() {
    }

    /** A deliverable Alice asked Erin to approve: asked {@code daysAgo} days ago, decided {@code hours} later. */
    record Deliverable(String title, int daysAgo, int hours, DecisionKind decision) {
    }

    /** Globex's deliverables, asked and decided in time order; the clock is left on the last decision's time. */
    static void globexDeliverables(WorkspaceKit kit, DemoClock clock, Actor alice, Actor erin, Workspace globex) {
        for (Deliverable d : GLOBEX_DELIVERABLES) {
            Duration asked = Duration.ofDays(d.daysAgo());
            clock.setBack(asked);
            ApprovalRequest request = kit.approvals().requestForDeliverable(alice, globex.id(),
                    d.title() + " for the Globex website relaunch", Optional.empty(),
                    NewApproval.of("Approve the " + d.title().toLowerCase(java.util.Locale.ROOT), Set.of(erin.userId())));
            clock.setBack(asked.minusHours(d.hours()));
            kit.approvals().decide(erin, globex.id(), request.id(), d.decision(),
                    d.decision().needsComment() ? Optional.of("Please make the search box larger.") : Optional.empty());
        }
    }

    /**
     * Client visits over the last twelve weeks, in day order (a visit is recorded once per user, workspace and day):
     * Carol on most weekdays, Dave now and then, Erin every other day since Globex opened. Skipped, with a WARN
     * line, when the store set provides no insights.
     */
    static void visits(WorkspaceKit kit, DemoClock clock, Actor carol, Actor dave, Actor erin, Workspace acme,
                       Workspace globex) {
        if (kit.features().stream().noneMatch(f -> f.name().equals("insights") && f.available())) {
            log.warn("The store set provides no insights: the demo records no past client visits");
            return;
        }
        for (long daysAgo = ACME_OPENED.toDays() - 1; daysAgo >= 1; daysAgo--) {
            clock.setBack(Duration.ofDays(daysAgo));
            if (daysAgo % 7 != 0 && daysAgo % 7 != 1 && daysAgo % 5 != 2) {
                kit.insights().recordVisit(carol, acme.id());
            }
            if (daysAgo % 9 == 3 || daysAgo % 13 == 0) {
                kit.insights().recordVisit(dave, acme.id());
            }
            if (daysAgo < GLOBEX_OPENED.toDays() && daysAgo % 2 == 0) {
                kit.insights().recordVisit(erin, globex.id());
            }
        }
        clock.reset();
    }
}
