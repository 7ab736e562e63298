package io.clientworkspace.tck;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.UserId;
import io.clientworkspace.message.reply.ReplyReceipt;
import io.clientworkspace.message.reply.ReplyToken;
import io.clientworkspace.spi.ReplyTokenStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ReplyTokenStore}: tokens found by the hash of their secret only within their tenant,
 * revocation that keeps the first revocation time, the live tokens of a recipient in a conversation, bulk revocation by conversation and recipient, and receipts
 * unique per token and inbound key. Extend it and implement {@link #createStores()}.
 */
public abstract class ReplyTokenStoreContract extends StoreContractSupport {

    /** Ids with the counters of {@link #data}. */
    protected final ConversationTestData conversationData = new ConversationTestData(data);

    private ReplyTokenStore tokens() {
        return stores().require(ReplyTokenStore.class);
    }

    private ReplyToken token(Workspace workspace, ConversationId conversation, UserId recipient) {
        Instant issued = data.instant();
        return new ReplyToken(ReplyTokenId.of(data.unique("rt")), workspace.tenantId(), workspace.id(), conversation,
                recipient, ActorKind.CLIENT, data.tokenHash(), data.userId(), issued, issued.plusSeconds(3600),
                Optional.empty());
    }

    private ReplyToken stored(ReplyToken token) {
        return inUnitOfWork(() -> tokens().insert(token));
    }

    @Test
    void aStoredTokenIsFoundByIdAndByItsHashWithinItsTenant() {
        Workspace workspace = storedWorkspace();
        ReplyToken token = stored(token(workspace, conversationData.conversationId(), data.userId()));

        assertThat(tokens().find(workspace.tenantId(), workspace.id(), token.id())).contains(token);
        assertThat(tokens().findByHash(workspace.tenantId(), token.tokenHash())).contains(token);
    }

    @Test
    void aTokenIsNotFoundUnderAnotherTenantOrWorkspaceOrAnotherHash() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        ReplyToken token = stored(token(workspace, conversationData.conversationId(), data.userId()));

        assertThat(tokens().findByHash(other.tenantId(), token.tokenHash())).isEmpty();
        assertThat(tokens().findByHash(workspace.tenantId(), data.tokenHash())).isEmpty();
        assertThat(tokens().find(other.tenantId(), workspace.id(), token.id())).isEmpty();
        assertThat(tokens().find(workspace.tenantId(), other.id(), token.id())).isEmpty();
    }

    @Test
    void aTakenIdOrHashIsRefused() {
        Workspace workspace = storedWorkspace();
        ReplyToken token = stored(token(workspace, conversationData.conversationId(), data.userId()));
        ReplyToken sameHash = token(workspace, conversationData.conversationId(), data.userId());
        ReplyToken sameHashCopy = new ReplyToken(sameHash.id(), sameHash.tenantId(), sameHash.workspaceId(),
                sameHash.conversationId(), sameHash.recipient(), sameHash.recipientKind(), token.tokenHash(),
                sameHash.issuedBy(), sameHash.issuedAt(), sameHash.expiresAt(), Optional.empty());

        assertConflict(ConflictException.Reason.ALREADY_EXISTS, () -> stored(token));
        assertConflict(ConflictException.Reason.ALREADY_EXISTS, () -> stored(sameHashCopy));
        assertThat(tokens().find(workspace.tenantId(), workspace.id(), sameHash.id())).isEmpty();
    }

    @Test
    void liveListsOnlyTheRecipientsUnrevokedUnexpiredTokensOfTheConversationOldestFirst() {
        Workspace workspace = storedWorkspace();
        ConversationId conversation = conversationData.conversationId();
        UserId recipient = data.userId();
        ReplyToken older = stored(token(workspace, conversation, recipient));
        ReplyToken revoked = stored(token(workspace, conversation, recipient));
        ReplyToken newer = stored(token(workspace, conversation, recipient));
        stored(token(workspace, conversation, data.userId()));
        stored(token(workspace, conversationData.conversationId(), recipient));
        inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), workspace.id(), revoked.id(), data.instant()));

        assertThat(tokens().live(workspace.tenantId(), workspace.id(), conversation, recipient, older.issuedAt()))
                .containsExactly(older, newer);
        assertThat(tokens().live(workspace.tenantId(), workspace.id(), conversation, recipient, older.expiresAt()))
                .containsExactly(newer);
        assertThat(tokens().live(workspace.tenantId(), storedWorkspace().id(), conversation, recipient,
                older.issuedAt())).isEmpty();
    }

    @Test
    void revokingKeepsTheFirstRevocationTime() {
        Workspace workspace = storedWorkspace();
        ReplyToken token = stored(token(workspace, conversationData.conversationId(), data.userId()));
        Instant first = data.instant();
        Instant second = data.instant();

        Optional<ReplyToken> revoked = inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), workspace.id(),
                token.id(), first));
        Optional<ReplyToken> again = inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), workspace.id(),
                token.id(), second));

        assertThat(revoked).map(ReplyToken::revokedAt).contains(Optional.of(first));
        assertThat(again).map(ReplyToken::revokedAt).contains(Optional.of(first));
        assertThat(tokens().findByHash(workspace.tenantId(), token.tokenHash()).orElseThrow().revokedAt())
                .contains(first);
    }

    @Test
    void revokingAnUnknownTokenFindsNothing() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        ReplyToken token = stored(token(workspace, conversationData.conversationId(), data.userId()));

        assertThat(inUnitOfWork(() -> tokens().revoke(workspace.tenantId(), other.id(), token.id(), data.instant())))
                .isEmpty();
        assertThat(tokens().find(workspace.tenantId(), workspace.id(), token.id()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void revokeAllRevokesOnlyTheMatchingTokensOfTheWorkspace() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        ConversationId conversation = conversationData.conversationId();
        UserId anna = data.userId();
        ReplyToken annasHere = stored(token(workspace, conversation, anna));
        ReplyToken bobsHere = stored(token(workspace, conversation, data.userId()));
        ReplyToken annasElsewhere = stored(token(workspace, conversationData.conversationId(), anna));
        ReplyToken otherWorkspace = stored(token(other, conversation, anna));
        Instant at = data.instant();

        int revoked = inUnitOfWork(() -> tokens().revokeAll(workspace.tenantId(), workspace.id(),
                Optional.of(conversation), Optional.of(anna), at));
        int all = inUnitOfWork(() -> tokens().revokeAll(workspace.tenantId(), workspace.id(),
                Optional.of(conversation), Optional.empty(), data.instant()));

        assertThat(revoked).isEqualTo(1);
        assertThat(all).isEqualTo(1);
        assertThat(tokens().find(workspace.tenantId(), workspace.id(), annasHere.id()).orElseThrow().revokedAt())
                .contains(at);
        assertThat(tokens().find(workspace.tenantId(), workspace.id(), bobsHere.id()).orElseThrow().revoked()).isTrue();
        assertThat(tokens().find(workspace.tenantId(), workspace.id(), annasElsewhere.id()).orElseThrow().revoked())
                .isFalse();
        assertThat(tokens().find(other.tenantId(), other.id(), otherWorkspace.id()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void aReceiptIsFoundByTokenAndInboundKeyAndCannotBeStoredTwice() {
        Workspace workspace = storedWorkspace();
        ReplyToken token = stored(token(workspace, conversationData.conversationId(), data.userId()));
        String key = data.tokenHash();
        ReplyReceipt receipt = new ReplyReceipt(workspace.tenantId(), workspace.id(), token.id(), key,
                conversationData.messageId(), data.instant());

        inUnitOfWork(() -> tokens().insertReceipt(receipt));

        assertThat(tokens().findReceipt(workspace.tenantId(), workspace.id(), token.id(), key)).contains(receipt);
        assertThat(tokens().findReceipt(workspace.tenantId(), workspace.id(), token.id(), data.tokenHash())).isEmpty();
        assertConflict(ConflictException.Reason.ALREADY_EXISTS, () -> inUnitOfWork(() -> tokens().insertReceipt(
                new ReplyReceipt(workspace.tenantId(), workspace.id(), token.id(), key, conversationData.messageId(),
                        data.instant()))));
        assertThat(tokens().findReceipt(workspace.tenantId(), workspace.id(), token.id(), key)).contains(receipt);
    }

    @Test
    void anInsertRolledBackWithItsUnitOfWorkLeavesNoToken() {
        Workspace workspace = storedWorkspace();
        ReplyToken token = token(workspace, conversationData.conversationId(), data.userId());

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
