package io.clientworkspace.project;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.activity.Visibility;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MilestoneTest {

    private final ProjectWorld w = ProjectWorld.create();

    private Milestone add(String title, Optional<LocalDate> due, boolean requiresApproval) {
        return w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(), new NewMilestone(title, due, requiresApproval));
    }

    private ApprovalRequest approval() {
        return w.f.kit.approvals().requestForDeliverable(w.f.bob, w.acme, "Final logo", Optional.empty(),
                NewApproval.of("Logo sign-off", Set.of(w.f.carol.userId())));
    }

    @Test
    void milestonesAreListedByDueDateWithUndatedOnesLast() {
        Milestone undated = add("Launch", Optional.empty(), false);
        Milestone late = add("Site", Optional.of(LocalDate.of(2025, 6, 1)), false);
        Milestone early = add("Logo", Optional.of(LocalDate.of(2025, 4, 1)), false);

        assertThat(w.projects.milestones(w.f.carol, w.acme, w.brand.id())).containsExactly(early, late, undated);
    }

    @Test
    void aMilestoneRequiringApprovalCannotBeDeliveredWithoutALinkedApproval() {
        Milestone m = add("Logo", Optional.empty(), true);

        assertThatThrownBy(() -> w.projects.deliver(w.f.bob, w.acme, m.id(), 0))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE))
                .hasMessageContaining("no approval is linked");
    }

    @Test
    void aMilestoneRequiringApprovalCannotBeDeliveredWhileItsApprovalIsOpen() {
        Milestone m = add("Logo", Optional.empty(), true);
        Milestone linked = w.projects.linkApproval(w.f.bob, w.acme, m.id(), Optional.of(approval().id()), 0);

        assertThatThrownBy(() -> w.projects.deliver(w.f.bob, w.acme, m.id(), linked.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("OPEN");
    }

    @Test
    void aMilestoneWhoseApprovalWasApprovedIsDelivered() {
        Milestone m = add("Logo", Optional.empty(), true);
        ApprovalRequest approval = approval();
        Milestone linked = w.projects.linkApproval(w.f.bob, w.acme, m.id(), Optional.of(approval.id()), 0);
        w.f.kit.approvals().decide(w.f.carol, w.acme, approval.id(), DecisionKind.APPROVE, Optional.empty());

        Milestone delivered = w.projects.deliver(w.f.bob, w.acme, m.id(), linked.version());

        assertThat(delivered.delivered()).hasValueSatisfying(d -> assertThat(d.by()).isEqualTo(w.f.bob.userId()));
        assertThat(delivered.approval()).contains(approval.id());
    }

    @Test
    void linkingAnUnknownApprovalIsAFieldError() {
        Milestone m = add("Logo", Optional.empty(), true);

        assertThatThrownBy(() -> w.projects.linkApproval(w.f.bob, w.acme, m.id(), Optional.of(ApprovalId.of("x")), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsExactly(FieldError.of("approval", "no such approval")));
    }

    @Test
    void aDeliveryCanBeUndone() {
        Milestone m = add("Logo", Optional.empty(), false);
        Milestone delivered = w.projects.deliver(w.f.bob, w.acme, m.id(), 0);

        Milestone undone = w.projects.undeliver(w.f.bob, w.acme, m.id(), delivered.version());

        assertThat(undone.delivered()).isEmpty();
        assertThatThrownBy(() -> w.projects.undeliver(w.f.bob, w.acme, m.id(), undone.version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void milestonesOfAnInternalProjectAreHiddenFromClients() {
        Project secret = w.projects.create(w.f.bob, w.acme, w.project("Pitch", Visibility.TEAM));
        Milestone m = w.projects.addMilestone(w.f.bob, w.acme, secret.id(),
                new NewMilestone("Deck", Optional.of(LocalDate.of(2025, 4, 1)), false));

        assertThat(w.projects.findMilestone(w.f.carol, w.acme, m.id())).isEmpty();
        assertThat(w.projects.milestonesDueBetween(w.f.carol, w.acme, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), 100)).isEmpty();
        assertThat(w.projects.milestonesDueBetween(w.f.bob, w.acme, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), 100)).containsExactly(m);
    }
}
