package io.clientworkspace.tck;

import io.clientworkspace.ConflictException;
import io.clientworkspace.UserId;
import io.clientworkspace.calendar.CalendarFeedToken;
import io.clientworkspace.spi.CalendarFeedTokenStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link CalendarFeedTokenStore}: tokens found by the hash of their secret only within their
 * tenant, ids and hashes unique, the live tokens of a member in a workspace oldest first, and revocation that
 * keeps the first revocation time. Extend it and implement {@link #createStores()}.
 */
public abstract class CalendarFeedTokenStoreContract extends StoreContractSupport {

    /** Calendar records with the counters of {@link #data}. */
    protected final CalendarTestData calendarData = new CalendarTestData(data);

    private CalendarFeedTokenStore tokens() {
        return stores().require(CalendarFeedTokenStore.class);
    }

    private CalendarFeedToken stored(CalendarFeedToken token) {
        return inUnitOfWork(() -> tokens().insert(token));
    }

    @Test
    void aStoredTokenIsFoundByIdAndByItsHashWithinItsTenant() {
        Workspace workspace = storedWorkspace();
        CalendarFeedToken token = stored(calendarData.feedToken(workspace, data.userId()));

        assertThat(tokens().find(workspace.tenantId(), workspace.id(), token.id())).contains(token);
        assertThat(tokens().findByHash(workspace.tenantId(), token.tokenHash())).contains(token);
    }

    @Test
    void aTokenIsNotFoundUnderAnotherTenantOrWorkspaceOrAnotherHash() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        CalendarFeedToken token = stored(calendarData.feedToken(workspace, data.userId()));

        assertThat(tokens().findByHash(other.tenantId(), token.tokenHash())).isEmpty();
        assertThat(tokens().findByHash(workspace.tenantId(), data.tokenHash())).isEmpty();
        assertThat(tokens().find(other.tenantId(), workspace.id(), token.id())).isEmpty();
        assertThat(tokens().find(workspace.tenantId(), other.id(), token.id())).isEmpty();
    }

    @Test
    void aTakenIdOrHashIsRefusedAndNothingIsStored() {
        Workspace workspace = storedWorkspace();
        CalendarFeedToken token = stored(calendarData.feedToken(workspace, data.userId()));
        CalendarFeedToken fresh = calendarData.feedToken(workspace, data.userId());
        CalendarFeedToken sameHash = new CalendarFeedToken(fresh.id(), fresh.tenantId(), fresh.workspaceId(),
                fresh.member(), token.tokenHash(), fresh.issuedAt(), Optional.empty());

        assertConflict(ConflictException.Reason.ALREADY_EXISTS, () -> stored(token));
        assertConflict(ConflictException.Reason.ALREADY_EXISTS, () -> stored(sameHash));
        assertThat(tokens().find(workspace.tenantId(), workspace.id(), fresh.id())).isEmpty();
    }

    @Test
    void theSameHashMayExistInAnotherTenant() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        CalendarFeedToken token = stored(calendarData.feedToken(workspace, data.userId()));
        CalendarFeedToken elsewhere = calendarData.feedToken(other, data.userId());

        stored(new CalendarFeedToken(elsewhere.id(), other.tenantId(), other.id(), elsewhere.member(),
                token.tokenHash(), elsewhere.issuedAt(), Optional.empty()));

        assertThat(tokens().findByHash(other.tenantId(), token.tokenHash())).map(CalendarFeedToken::workspaceId)
                .contains(other.id());
        assertThat(tokens().findByHash(workspace.tenantId(), token.tokenHash())).contains(token);
    }

    @Test
    void liveListsOnlyTheMembersUnrevokedTokensOfTheWorkspaceOldestFirst() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        UserId member = data.userId();
        CalendarFeedToken older = stored(calendarData.feedToken(workspace, member));
        CalendarFeedToken revoked = stored(calendarData.feedToken(workspace, member));
        CalendarFeedToken newer = stored(calendarData.feedToken(workspace, member));
        stored(calendarData.feedToken(workspace, data.userId()));
        stored(calendarData.feedToken(other, member));
        inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), workspace.id(), revoked.id(), data.instant()));

        assertThat(tokens().live(workspace.tenantId(), workspace.id(), member)).containsExactly(older, newer);
    }

    @Test
    void revokingKeepsTheFirstRevocationTime() {
        Workspace workspace = storedWorkspace();
        CalendarFeedToken token = stored(calendarData.feedToken(workspace, data.userId()));
        Instant first = data.instant();
        Instant second = data.instant();

        Optional<CalendarFeedToken> revoked = inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), workspace.id(),
                token.id(), first));
        Optional<CalendarFeedToken> again = inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), workspace.id(),
                token.id(), second));

        assertThat(revoked).map(CalendarFeedToken::revokedAt).contains(Optional.of(first));
        assertThat(again).map(CalendarFeedToken::revokedAt).contains(Optional.of(first));
        assertThat(tokens().findByHash(workspace.tenantId(), token.tokenHash()).orElseThrow().revokedAt())
                .contains(first);
    }

    @Test
    void revokingUnderAnotherWorkspaceFindsNothingAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        CalendarFeedToken token = stored(calendarData.feedToken(workspace, data.userId()));

        assertThat(inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), other.id(), token.id(), data.instant())))
                .isEmpty();
        assertThat(tokens().find(workspace.tenantId(), workspace.id(), token.id()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void anInsertRolledBackWithItsUnitOfWorkLeavesNoToken() {
        Workspace workspace = storedWorkspace();
        CalendarFeedToken token = calendarData.feedToken(workspace, data.userId());

        try {
            runInUnitOfWork(() -> {
                tokens().insert(token);
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }

        assertThat(tokens().findByHash(workspace.tenantId(), token.tokenHash())).isEmpty();
    }
}
