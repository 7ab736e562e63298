package io.clientworkspace.benchmarks;

import org.openjdk.jmh.annotations.Mode;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Runs benchmark 4a ({@link ApprovalDecisionBenchmark}) and reports it as rows of section 4. */
final class ApprovalThroughput {

    record Outcome(String row, String notes, List<Report.Target> targets) {
    }

    static final String ZERO_LOST = "approval decisions: zero lost writes (decision rows, `approval.decided` entries,"
            + " outbox events)";

    private ApprovalThroughput() {
    }

    static Outcome run(Settings settings, List<String> jvmArgs) throws Exception {
        Jmh r = Jmh.run(ApprovalDecisionBenchmark.class, settings, settings.throughput(), null, null, jvmArgs);
        Properties ours = Verification.read(ApprovalDecisionBenchmark.OURS);
        Properties ceiling = Verification.read(ApprovalDecisionBenchmark.CEILING);
        double kit = r.score("kit", Mode.Throughput, null, null);
        double jdbc = r.score("bareJdbc", Mode.Throughput, null, null);
        StringBuilder row = new StringBuilder();
        row.append("| approval decision | ").append(Report.rate(kit, r.error("kit", Mode.Throughput, null, null))).append(" | ")
                .append(Report.rate(jdbc, r.error("bareJdbc", Mode.Throughput, null, null))).append(" | ")
                .append(Report.percent(kit / jdbc)).append(" | ")
                .append(RunAll.facts(ours)).append(" (ceiling: ").append(RunAll.facts(ceiling)).append(") | ")
                .append(lost(ours)).append(" (ceiling: ").append(lost(ceiling)).append(") | ")
                .append(ours.getProperty("failed", "?")).append(" (ceiling: ").append(ceiling.getProperty("failed", "?"))
                .append(") |\n");
        StringBuilder md = new StringBuilder();
        md.append("- **lost** for decisions: decision rows / `approval.decided` activity entries / outbox events, each"
                + " counted against the decisions acknowledged.\n");
        md.append("- **approval decision, ours**: `kit.approvals().decide(client, workspace, request, APPROVE)` on the JPA"
                + " stores by one of a request's nine client approvers, at random, over ")
                .append(ours.getProperty("requests", "?")).append(" open requests in 64 workspaces (policy ALL with the"
                + " lead as an approver who never decides, so they stay open). Each decision checks access, locks the"
                + " workspace and the request, reads the record so far, appends the decision and its activity entry,"
                + " stages the event in the outbox, commits, then marks the event delivered in a second transaction."
                + " Failed (conflict): ")
                .append(ours.getProperty("failed", "?")).append("; chains broken afterwards: ")
                .append(ours.getProperty("brokenChains", "?")).append(".\n"
                + "- **ceiling**: the same three rows (decision, linked activity entry, outbox event) inserted by plain"
                + " `PreparedStatement`s in one transaction per decision, sequences and chain heads kept in memory, on"
                + " another 64 workspaces' requests. No access check, no lock, no outcome.\n");
        List<Report.Target> targets = new ArrayList<>();
        targets.add(RunAll.zeroLost("4", ZERO_LOST, ours, LOST_KEYS));
        targets.add(new Report.Target("4", "approval decisions vs bare JDBC insert ceiling (no numeric target)",
                Report.percent(kit / jdbc) + " of the ceiling", null));
        return new Outcome(row.toString(), md.toString(), targets);
    }

    private static final List<String> LOST_KEYS = List.of("lost", "lostActivity", "lostOutbox");

    /** Lost decision rows / activity entries / outbox events. */
    private static String lost(Properties p) {
        return p.getProperty("lost", "?") + " / " + p.getProperty("lostActivity", "?") + " / "
                + p.getProperty("lostOutbox", "?");
    }
}
