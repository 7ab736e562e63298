package io.clientworkspace.approval;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApprovalOutcome} as a table: a policy, the approvers ({@code a}, {@code b}, ... ) and a
 * sequence of decisions ({@code a:A} approve, {@code b:R} reject, {@code c:C} request changes;
 * {@code x} is not an approver) give one status.
 */
class ApprovalOutcomeTest {

    private static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");
    private static final ApprovalId REQUEST = ApprovalId.of("request");
    private static final List<ApprovalPolicy> POLICIES = List.of(ApprovalPolicy.any(), ApprovalPolicy.all(),
            ApprovalPolicy.quorum(1), ApprovalPolicy.quorum(2), ApprovalPolicy.quorum(3));

    private static ApprovalPolicy policy(String text) {
        return switch (text) {
            case "ANY" -> ApprovalPolicy.any();
            case "ALL" -> ApprovalPolicy.all();
            default -> ApprovalPolicy.quorum(Integer.parseInt(text.substring("QUORUM(".length(), text.length() - 1)));
        };
    }

    private static Set<UserId> approvers(int count) {
        return IntStream.range(0, count).mapToObj(i -> UserId.of(String.valueOf((char) ('a' + i))))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Decision decision(int sequence, String approver, DecisionKind kind) {
        return new Decision(TenantId.of("t"), WorkspaceId.of("w"), REQUEST, sequence, UserId.of(approver), ActorKind.CLIENT,
                kind, kind.needsComment() ? Optional.of("why") : Optional.empty(), AT.plusSeconds(sequence),
                Optional.empty(), Optional.empty());
    }

    private static DecisionKind kind(char code) {
        return switch (code) {
            case 'A' -> DecisionKind.APPROVE;
            case 'R' -> DecisionKind.REJECT;
            case 'C' -> DecisionKind.REQUEST_CHANGES;
            default -> throw new IllegalArgumentException("unknown decision " + code);
        };
    }

    /** Parses {@code "a:A b:R"} into decisions numbered from 1. */
    private static List<Decision> decisions(String text) {
        List<Decision> parsed = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return parsed;
        }
        for (String step : text.trim().split("\\s+")) {
            String[] parts = step.split(":");
            parsed.add(decision(parsed.size() + 1, parts[0], kind(parts[1].charAt(0))));
        }
        return parsed;
    }

    @ParameterizedTest(name = "{0} of {1} after [{2}] is {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # ANY: one approval is enough; a negative outcome only once everyone decided
            ANY       | 3 | -                   | OPEN
            ANY       | 3 | a:A                 | APPROVED
            ANY       | 3 | a:R                 | OPEN
            ANY       | 3 | a:R b:R             | OPEN
            ANY       | 3 | a:R b:R c:R         | REJECTED
            ANY       | 3 | a:R b:C c:R         | CHANGES_REQUESTED
            ANY       | 3 | a:C b:C c:C         | CHANGES_REQUESTED
            ANY       | 3 | a:R b:R c:A         | APPROVED
            ANY       | 3 | a:R a:A             | APPROVED
            ANY       | 3 | a:A a:R             | OPEN
            ANY       | 3 | a:R b:R c:R c:A     | APPROVED
            ANY       | 3 | x:A                 | OPEN
            ANY       | 3 | a:R b:R x:A         | OPEN
            ANY       | 1 | a:A                 | APPROVED
            ANY       | 1 | a:R                 | REJECTED
            ANY       | 1 | a:C                 | CHANGES_REQUESTED
            # ALL: everyone must approve; one rejection or request for changes decides at once
            ALL       | 3 | -                   | OPEN
            ALL       | 3 | a:A                 | OPEN
            ALL       | 3 | a:A b:A             | OPEN
            ALL       | 3 | a:A b:A c:A         | APPROVED
            ALL       | 3 | a:A a:A b:A         | OPEN
            ALL       | 3 | a:A a:A b:A c:A     | APPROVED
            ALL       | 3 | a:R                 | REJECTED
            ALL       | 3 | a:C                 | CHANGES_REQUESTED
            ALL       | 3 | a:A b:A c:R         | REJECTED
            ALL       | 3 | a:A b:A c:C         | CHANGES_REQUESTED
            ALL       | 3 | a:C b:R             | REJECTED
            ALL       | 3 | a:R a:A             | OPEN
            ALL       | 3 | a:R a:A b:A c:A     | APPROVED
            ALL       | 3 | a:C a:A b:A c:A     | APPROVED
            ALL       | 3 | a:A b:A x:R         | OPEN
            ALL       | 3 | a:A b:A c:A x:R     | APPROVED
            ALL       | 1 | a:A                 | APPROVED
            # QUORUM(n): n approvals; a negative outcome once n approvals are out of reach
            QUORUM(2) | 3 | -                   | OPEN
            QUORUM(2) | 3 | a:A                 | OPEN
            QUORUM(2) | 3 | a:A b:A             | APPROVED
            QUORUM(2) | 3 | a:A a:A             | OPEN
            QUORUM(2) | 3 | a:A x:A             | OPEN
            QUORUM(2) | 3 | a:R                 | OPEN
            QUORUM(2) | 3 | a:A b:R             | OPEN
            QUORUM(2) | 3 | a:R b:R             | REJECTED
            QUORUM(2) | 3 | a:R b:C             | CHANGES_REQUESTED
            QUORUM(2) | 3 | a:A b:R c:R         | REJECTED
            QUORUM(2) | 3 | a:A b:C c:R         | CHANGES_REQUESTED
            QUORUM(2) | 3 | a:A b:R c:A         | APPROVED
            QUORUM(2) | 3 | a:A a:R b:A         | OPEN
            QUORUM(2) | 3 | a:A a:R b:A c:A     | APPROVED
            QUORUM(2) | 3 | a:R a:A b:R         | OPEN
            QUORUM(2) | 4 | a:R b:R             | OPEN
            QUORUM(2) | 4 | a:R b:R c:R         | REJECTED
            QUORUM(2) | 4 | a:A b:R c:R d:A     | APPROVED
            QUORUM(3) | 3 | a:A b:A             | OPEN
            QUORUM(3) | 3 | a:A b:A c:A         | APPROVED
            QUORUM(3) | 3 | a:C                 | CHANGES_REQUESTED
            QUORUM(3) | 3 | a:A b:A c:R         | REJECTED
            QUORUM(1) | 3 | a:R b:R             | OPEN
            QUORUM(1) | 3 | a:R b:R c:C         | CHANGES_REQUESTED
            QUORUM(1) | 3 | a:R b:A             | APPROVED
            """)
    void theOutcomeFollowsThePolicy(String policy, int approverCount, String sequence, ApprovalStatus expected) {
        assertThat(ApprovalOutcome.of(policy(policy), approvers(approverCount), decisions(sequence))).isEqualTo(expected);
    }

    @Test
    void onlyEachApproversLatestDecisionCountsWhateverTheOrderAcrossApprovers() {
        Set<UserId> approvers = approvers(3);
        List<DecisionKind> choices = new ArrayList<>(List.of(DecisionKind.values()));
        choices.add(null); // undecided
        for (ApprovalPolicy policy : POLICIES) {
            for (DecisionKind a : choices) {
                for (DecisionKind b : choices) {
                    for (DecisionKind c : choices) {
                        List<String[]> latest = new ArrayList<>();
                        addIfDecided(latest, "a", a);
                        addIfDecided(latest, "b", b);
                        addIfDecided(latest, "c", c);
                        ApprovalStatus expected = ApprovalOutcome.of(policy, approvers, build(latest, List.of()));
                        for (int shuffle = 0; shuffle < 6; shuffle++) {
                            Collections.shuffle(latest);
                            // Earlier, since-changed decisions of the same approvers must not matter either.
                            List<String[]> earlier = latest.stream()
                                    .map(d -> new String[]{d[0], otherThan(DecisionKind.valueOf(d[1])).name()})
                                    .toList();
                            assertThat(ApprovalOutcome.of(policy, approvers, build(latest, List.of())))
                                    .as("%s with %s", policy, describe(latest)).isEqualTo(expected);
                            assertThat(ApprovalOutcome.of(policy, approvers, build(latest, earlier)))
                                    .as("%s with %s after %s", policy, describe(latest), describe(earlier))
                                    .isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyOutcomeOfAFullyDecidedRequestIsFinal() {
        Set<UserId> approvers = approvers(3);
        for (ApprovalPolicy policy : POLICIES) {
            for (DecisionKind a : DecisionKind.values()) {
                for (DecisionKind b : DecisionKind.values()) {
                    for (DecisionKind c : DecisionKind.values()) {
                        List<Decision> all = List.of(decision(1, "a", a), decision(2, "b", b), decision(3, "c", c));
                        assertThat(ApprovalOutcome.of(policy, approvers, all))
                                .as("%s once a=%s b=%s c=%s", policy, a, b, c)
                                .isNotEqualTo(ApprovalStatus.OPEN);
                    }
                }
            }
        }
    }

    private static void addIfDecided(List<String[]> decisions, String approver, DecisionKind kind) {
        if (kind != null) {
            decisions.add(new String[]{approver, kind.name()});
        }
    }

    private static DecisionKind otherThan(DecisionKind kind) {
        return DecisionKind.values()[(kind.ordinal() + 1) % DecisionKind.values().length];
    }

    /** The earlier decisions first, then the latest ones, numbered in order. */
    private static List<Decision> build(List<String[]> latest, List<String[]> earlier) {
        List<Decision> all = new ArrayList<>();
        for (String[] d : earlier) {
            all.add(decision(all.size() + 1, d[0], DecisionKind.valueOf(d[1])));
        }
        for (String[] d : latest) {
            all.add(decision(all.size() + 1, d[0], DecisionKind.valueOf(d[1])));
        }
        return all;
    }

    private static String describe(List<String[]> decisions) {
        return decisions.stream().map(d -> d[0] + ":" + d[1]).collect(Collectors.joining(" ", "[", "]"));
    }
}
