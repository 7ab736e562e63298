package io.clientworkspace.examples.portal.web;

import io.clientworkspace.dashboard.AttentionReason;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.project.ChecklistProgress;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewsTest {

    @Test
    void everyAttentionReasonReadsAsWordsOfItsOwn() {
        DashboardQuery query = DashboardQuery.defaults();

        assertThat(EnumSet.allOf(AttentionReason.class)).extracting(r -> DashboardViews.attention(r, query))
                .doesNotHaveDuplicates().allMatch(text -> !text.isBlank());
    }

    @Test
    void theAttentionWordsNameTheQuerysThresholds() {
        DashboardQuery query = DashboardQuery.builder().pendingApprovalDays(1).clientInactiveDays(30).build();

        assertThat(DashboardViews.attention(AttentionReason.PENDING_APPROVAL, query)).isEqualTo("Approval pending 1 day or more");
        assertThat(DashboardViews.attention(AttentionReason.CLIENT_INACTIVE, query)).isEqualTo("No client activity for 30 days");
    }

    @Test
    void onboardingReadsAsDoneOfTotalOrNoChecklist() {
        assertThat(DashboardViews.onboarding(new ChecklistProgress(1, 3))).isEqualTo("1 of 3 done");
        assertThat(DashboardViews.onboarding(new ChecklistProgress(0, 0))).isEqualTo("no checklist");
    }

    @Test
    void everySortAndStatusIsOffered() {
        assertThat(DashboardViews.sorts()).extracting(Views.Option::value)
                .containsExactly("LAST_CLIENT_ACTIVITY", "OLDEST_PENDING", "NAME");
        assertThat(DashboardViews.statuses()).extracting(Views.Option::value).containsExactly("ACTIVE", "ARCHIVED", "ANY");
    }
}
