package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.FieldError;
import io.clientworkspace.GoneException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.reply.InboundReply;
import io.clientworkspace.message.reply.IssuedReplyToken;
import io.clientworkspace.message.reply.ReceivedReply;
import io.clientworkspace.message.reply.ReplyAddresses;
import io.clientworkspace.message.reply.ReplyToken;
import io.clientworkspace.spi.ReplyTokenStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Reply by e-mail through {@link WorkspaceKit#replies()} on the stores under test: a reply is posted into the
 * token's conversation as its recipient with quoted history and signature stripped, and every hostile case is
 * refused and changes nothing (expired, revoked, unknown, tampered and other tenants' tokens, a recipient removed
 * or downgraded since, a client token for an internal conversation, an archived workspace, a huge or empty body),
 * and a mail server's retry (also concurrent deliveries) posts once. Nobody obtains a token for someone else: a
 * member issues only for themselves, the host-level {@code issueFor} for any eligible recipient; at most
 * {@code MAX_LIVE_TOKENS} tokens per recipient and conversation are live. Extend it and implement {@link #createStores()}.
 */
public abstract class RepliesContract extends StoreContractSupport {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2031-04-01T09:00:00Z");

        synchronized void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }
    }

    private static final String REPLY = """
            Thanks, the new logo works for us.

            On Tue, 1 Apr 2031 at 09:00, Acme Agency <team@agency.example> wrote:
            > A new version of the logo is ready.
            > Please have a look.
            """;

    private HandClock clock;
    private WorkspaceKit kit;
    private Workspace ws;
    private Actor lead;
    private Actor tom;
    private Actor client;
    private Actor viewer;
    private Conversation general;

    @BeforeEach
    final void buildWorld() {
        clock = new HandClock();
        kit = WorkspaceKit.builder().stores(stores()).clock(clock).cacheTicker(() -> 0L)
                .userDirectory((tenant, user) -> true).build();
        String prefix = data.unique("r");
        var tenant = kit.tenants().create("Agency " + prefix, UserId.of("lead" + prefix)).id();
        lead = Actor.team(tenant, "lead" + prefix);
        ws = kit.workspaces().create(lead, NewWorkspace.of("Acme", "acme"));
        kit.tenants().addTeamMember(lead, UserId.of("tom" + prefix), TenantRole.TEAM_MEMBER);
        tom = Actor.team(tenant, "tom" + prefix);
        client = Actor.client(tenant, "client" + prefix);
        viewer = Actor.client(tenant, "viewer" + prefix);
        kit.members().add(lead, ws.id(), tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(lead, ws.id(), client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().add(lead, ws.id(), viewer.userId(), WorkspaceRole.CLIENT_VIEWER);
        general = kit.conversations().general(lead, ws.id());
    }

    private IssuedReplyToken tokenFor(Actor recipient) {
        return kit.replies().issueFor(lead.tenantId(), ws.id(), general.id(), recipient.userId());
    }

    private ReceivedReply receive(String token, String text) {
        return kit.replies().receive(lead.tenantId(), InboundReply.of(token, text));
    }

    private List<Message> messages(Conversation conversation) {
        return kit.conversations().messages(lead, ws.id(), conversation.id(), PageRequest.first(500)).items();
    }

    private static List<String> fields(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).fieldErrors().stream().map(FieldError::field).toList();
    }

    // ------------------------------------------------------------------------------------------ issuing

    @Test
    void aTokenIsHighEntropyFitsAnEmailLocalPartAndIsStoredOnlyAsItsHash() {
        IssuedReplyToken issued = tokenFor(client);

        assertThat(issued.token()).matches("[a-z2-7]{52}");
        assertThat(ReplyAddresses.address("reply", issued.token(), "mail.example.com")).hasSizeLessThan(80);
        assertThat(issued.record().tokenHash()).isEqualTo(TestData.sha256(issued.token())).isNotEqualTo(issued.token());
        assertThat(stores().require(ReplyTokenStore.class).findByHash(lead.tenantId(), issued.record().tokenHash()))
                .contains(issued.record());
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(tokenFor(client).token()).isNotEqualTo(issued.token());
    }

    @Test
    void aTokenNamesOneRecipientAndConversationAndExpiresAfterThirtyDaysByDefault() {
        ReplyToken token = tokenFor(client).record();

        assertThat(token.recipient()).isEqualTo(client.userId());
        assertThat(token.recipientKind()).isEqualTo(ActorKind.CLIENT);
        assertThat(token.conversationId()).isEqualTo(general.id());
        assertThat(token.issuedBy()).isEqualTo(client.userId());
        assertThat(Duration.between(token.issuedAt(), token.expiresAt())).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aClientTokenForAnInternalConversationCannotBeIssued() {
        Conversation internal = kit.conversations().startTopic(lead, ws.id(), "Pricing", Visibility.TEAM);

        assertThat(catchThrowable(() -> kit.replies().issueFor(lead.tenantId(), ws.id(), internal.id(), client.userId())))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors())
                        .containsExactly(FieldError.of("recipient", "cannot see this conversation")));
        assertThatThrownBy(() -> kit.replies().issue(client, ws.id(), internal.id(), client.userId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aViewerWhoMayNotPostGetsNoToken() {
        assertThat(catchThrowable(() -> tokenFor(viewer))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors())
                        .containsExactly(FieldError.of("recipient", "may not post in this conversation")));
    }

    @Test
    void aNonMemberGetsNoToken() {
        assertThat(fields(catchThrowable(() -> kit.replies().issueFor(lead.tenantId(), ws.id(), general.id(),
                UserId.of("stranger")))))
                .containsExactly("recipient");
    }

    @Test
    void aClientMayIssueATokenOnlyForThemselves() {
        assertThat(kit.replies().issue(client, ws.id(), general.id(), client.userId()).record().recipient())
                .isEqualTo(client.userId());
        assertThatThrownBy(() -> kit.replies().issue(client, ws.id(), general.id(), tom.userId()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aConversationOfAnotherWorkspaceIsNotFound() {
        Workspace other = kit.workspaces().create(lead, NewWorkspace.of("Globex", "globex"));
        kit.members().add(lead, other.id(), client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);

        assertThatThrownBy(() -> kit.replies().issue(lead, other.id(), general.id(), lead.userId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.replies().issueFor(lead.tenantId(), other.id(), general.id(), client.userId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTeamMemberCannotObtainATokenForSomeoneElse() {
        ReplyTokenStore store = stores().require(ReplyTokenStore.class);

        assertThatThrownBy(() -> kit.replies().issue(tom, ws.id(), general.id(), client.userId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> kit.replies().issue(lead, ws.id(), general.id(), tom.userId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(store.live(lead.tenantId(), ws.id(), general.id(), client.userId(), clock.instant())).isEmpty();
        assertThat(store.live(lead.tenantId(), ws.id(), general.id(), tom.userId(), clock.instant())).isEmpty();
    }

    @Test
    void aClientGetsATokenForThemselvesAndItsReplyIsTheirs() {
        IssuedReplyToken own = kit.replies().issue(client, ws.id(), general.id(), client.userId());

        ReceivedReply received = receive(own.token(), "Mine");

        assertThat(own.record().issuedBy()).isEqualTo(client.userId());
        assertThat(received.author()).isEqualTo(client.userId());
        assertThat(messages(general)).singleElement().extracting(Message::authorId).isEqualTo(client.userId());
    }

    @Test
    void theHostIssuesTokensForAnyEligibleRecipient() {
        IssuedReplyToken clients = kit.replies().issueFor(lead.tenantId(), ws.id(), general.id(), client.userId());
        IssuedReplyToken toms = kit.replies().issueFor(lead.tenantId(), ws.id(), general.id(), tom.userId());

        receive(clients.token(), "From the client");
        receive(toms.token(), "From Tom");

        assertThat(messages(general)).extracting(Message::authorId)
                .containsExactlyInAnyOrder(client.userId(), tom.userId());
    }

    @Test
    void theHostCannotIssueInAnArchivedWorkspace() {
        kit.workspaces().archive(lead, ws.id(), kit.workspaces().get(lead, ws.id()).version());

        assertThatThrownBy(() -> tokenFor(client)).isInstanceOf(ArchivedException.class);
    }

    @Test
    void issuingASixthLiveTokenRevokesTheOldest() {
        List<IssuedReplyToken> issued = new java.util.ArrayList<>();
        for (int i = 0; i <= io.clientworkspace.message.reply.ReplyService.MAX_LIVE_TOKENS; i++) {
            issued.add(tokenFor(client));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(stores().require(ReplyTokenStore.class)
                .live(lead.tenantId(), ws.id(), general.id(), client.userId(), clock.instant()))
                .extracting(ReplyToken::id)
                .containsExactlyElementsOf(issued.subList(1, issued.size()).stream().map(t -> t.record().id()).toList());
        assertThatThrownBy(() -> receive(issued.get(0).token(), "Old address"))
                .isInstanceOfSatisfying(GoneException.class,
                        e -> assertThat(e.reason()).isEqualTo(GoneException.Reason.REVOKED));
        assertThat(receive(issued.get(1).token(), "Second address still works").duplicate()).isFalse();
        assertThat(receive(tokenFor(tom).token(), "Tom's own tokens are counted apart").duplicate()).isFalse();
    }

    // ------------------------------------------------------------------------------------------ receiving

    @Test
    void aReplyIsPostedIntoTheThreadAsTheRecipientWithoutQuotedHistory() {
        IssuedReplyToken issued = tokenFor(client);

        ReceivedReply received = receive(issued.token(), REPLY);

        assertThat(received.duplicate()).isFalse();
        assertThat(received.conversationId()).isEqualTo(general.id());
        assertThat(messages(general)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(received.messageId());
            assertThat(m.authorId()).isEqualTo(client.userId());
            assertThat(m.authorKind()).isEqualTo(ActorKind.CLIENT);
            assertThat(m.visibility()).isEqualTo(Visibility.CLIENT);
            assertThat(m.body()).isEqualTo("Thanks, the new logo works for us.");
        });
    }

    @Test
    void aTeamMembersReplyInAnInternalConversationIsAnInternalNote() {
        Conversation internal = kit.conversations().startTopic(lead, ws.id(), "Pricing", Visibility.TEAM);
        IssuedReplyToken issued = kit.replies().issueFor(lead.tenantId(), ws.id(), internal.id(), tom.userId());

        receive(issued.token(), "Agreed, 10% off.\n\n-- \nTom\nAcme Agency");

        assertThat(messages(internal)).singleElement().satisfies(m -> {
            assertThat(m.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(m.body()).isEqualTo("Agreed, 10% off.");
        });
    }

    @Test
    void theTokenMayComeInUpperCaseFromTheAddress() {
        IssuedReplyToken issued = tokenFor(client);
        String address = "\"Acme\" <reply+" + issued.token().toUpperCase(java.util.Locale.ROOT) + "@mail.example.com>";

        receive(ReplyAddresses.token(address).orElseThrow(), "Looks good");

        assertThat(messages(general)).extracting(Message::body).containsExactly("Looks good");
    }

    @Test
    void aRetryWithTheSameInboundIdPostsOnce() {
        IssuedReplyToken issued = tokenFor(client);
        InboundReply reply = new InboundReply(issued.token(), Optional.of("client@acme.example"), REPLY,
                Optional.of("<CAF1234@mail.acme.example>"));

        ReceivedReply first = kit.replies().receive(lead.tenantId(), reply);
        ReceivedReply retry = kit.replies().receive(lead.tenantId(), reply);
        ReceivedReply other = kit.replies().receive(lead.tenantId(), new InboundReply(issued.token(), Optional.empty(),
                "A second thought", Optional.of("<CAF5678@mail.acme.example>")));

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.messageId()).isEqualTo(first.messageId());
        assertThat(other.duplicate()).isFalse();
        assertThat(messages(general)).hasSize(2);
    }

    @Test
    void aRetryAfterTheTokenExpiredStillAnswersTheFirstMessage() {
        IssuedReplyToken issued = tokenFor(client);
        InboundReply reply = new InboundReply(issued.token(), Optional.empty(), "On my way",
                Optional.of("<late-retry@mail.acme.example>"));
        ReceivedReply first = kit.replies().receive(lead.tenantId(), reply);
        clock.advance(Duration.ofDays(31));

        ReceivedReply retry = kit.replies().receive(lead.tenantId(), reply);

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.messageId()).isEqualTo(first.messageId());
        assertThat(messages(general)).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfOneInboundReplyPostOnceAndAllAnswerTheFirstMessage() {
        IssuedReplyToken issued = tokenFor(client);
        InboundReply reply = new InboundReply(issued.token(), Optional.empty(), "Delivered twice",
                Optional.of("<race@mail.acme.example>"));

        Concurrently.Outcomes<ReceivedReply> outcomes = Concurrently.run(i ->
                kit.replies().receive(lead.tenantId(), reply));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(outcomes.successes()).extracting(ReceivedReply::messageId)
                .containsOnly(outcomes.successes().get(0).messageId());
        assertThat(messages(general)).singleElement().extracting(Message::id)
                .isEqualTo(outcomes.successes().get(0).messageId());
    }

    @Test
    void aMegabyteBodyIsRefusedAndNothingIsPosted() {
        IssuedReplyToken issued = tokenFor(client);

        assertThat(fields(catchThrowable(() -> receive(issued.token(), "a".repeat(1024 * 1024)))))
                .containsExactly("text");
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void aReplyWithNothingButQuotedHistoryIsRefused() {
        IssuedReplyToken issued = tokenFor(client);

        assertThat(catchThrowable(() -> receive(issued.token(), "\n> quoted only\n\nSent from my iPhone\n")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors().get(0).message())
                        .contains("nothing is left"));
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        IssuedReplyToken issued = tokenFor(client);
        clock.advance(Duration.ofDays(30));

        assertThatThrownBy(() -> receive(issued.token(), "Late reply"))
                .isInstanceOfSatisfying(GoneException.class,
                        e -> assertThat(e.reason()).isEqualTo(GoneException.Reason.EXPIRED));
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void aRevokedTokenIsRefusedAsRevoked() {
        IssuedReplyToken issued = tokenFor(client);

        kit.replies().revoke(lead, ws.id(), issued.record().id());

        assertThatThrownBy(() -> receive(issued.token(), "Too late"))
                .isInstanceOfSatisfying(GoneException.class,
                        e -> assertThat(e.reason()).isEqualTo(GoneException.Reason.REVOKED));
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void revokingAllOfARecipientsTokensLeavesOthersWorking() {
        IssuedReplyToken clients = tokenFor(client);
        IssuedReplyToken toms = tokenFor(tom);

        int revoked = kit.replies().revokeAll(lead, ws.id(), Optional.of(general.id()), Optional.of(client.userId()));

        assertThat(revoked).isEqualTo(1);
        assertThatThrownBy(() -> receive(clients.token(), "No")).isInstanceOf(GoneException.class);
        assertThat(receive(toms.token(), "Yes").duplicate()).isFalse();
    }

    @Test
    void aClientCanNeitherSeeNorRevokeSomeoneElsesToken() {
        IssuedReplyToken toms = tokenFor(tom);

        assertThatThrownBy(() -> kit.replies().revoke(client, ws.id(), toms.record().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kit.replies().revokeAll(client, ws.id(), Optional.empty(), Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(receive(toms.token(), "Still works").duplicate()).isFalse();
    }

    @Test
    void unknownTamperedAndOtherTenantsTokensAllLookTheSame() {
        IssuedReplyToken issued = tokenFor(client);
        String last = issued.token().substring(51);
        String tampered = issued.token().substring(0, 51) + (last.equals("a") ? "b" : "a");
        var otherTenant = kit.tenants().create("Other agency", UserId.of("eve")).id();

        Throwable unknown = catchThrowable(() -> receive("a".repeat(52), "Hi"));
        Throwable forged = catchThrowable(() -> receive(tampered, "Hi"));
        Throwable malformed = catchThrowable(() -> receive("not-a-token", "Hi"));
        Throwable elsewhere = catchThrowable(() -> kit.replies().receive(otherTenant, InboundReply.of(issued.token(), "Hi")));

        assertThat(List.of(unknown, forged, malformed, elsewhere)).allSatisfy(e -> {
            assertThat(e).isInstanceOf(NotFoundException.class);
            assertThat(e.getMessage()).isEqualTo(unknown.getMessage());
        });
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void aRecipientRemovedFromTheWorkspaceCannotPost() {
        IssuedReplyToken issued = tokenFor(client);
        kit.members().remove(lead, ws.id(), client.userId());

        assertThatThrownBy(() -> receive(issued.token(), "Hello?")).isInstanceOf(AccessDeniedException.class);
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void aRecipientDowngradedToViewerCannotPost() {
        IssuedReplyToken issued = tokenFor(client);
        kit.members().changeRole(lead, ws.id(), client.userId(), WorkspaceRole.CLIENT_VIEWER);

        assertThatThrownBy(() -> receive(issued.token(), "Hello?")).isInstanceOf(AccessDeniedException.class);
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void aReplyIntoAnArchivedWorkspaceIsRefused() {
        IssuedReplyToken issued = tokenFor(client);
        kit.workspaces().archive(lead, ws.id(), kit.workspaces().get(lead, ws.id()).version());

        assertThatThrownBy(() -> receive(issued.token(), "Hello?")).isInstanceOf(ArchivedException.class);
    }

    @Test
    void aReplyOverTenThousandCharactersAfterStrippingIsRefusedOnTheBody() {
        IssuedReplyToken issued = tokenFor(client);

        assertThat(fields(catchThrowable(() -> receive(issued.token(), "x".repeat(10_001))))).containsExactly("body");
        assertThat(messages(general)).isEmpty();
    }

    @Test
    void aReplyIsRecordedInTheActivityLikeAnyPost() {
        IssuedReplyToken issued = tokenFor(client);

        ReceivedReply received = receive(issued.token(), "Approved");

        assertThat(kit.activity().feed(lead, ws.id(), PageRequest.first(50)).items())
                .anySatisfy(a -> {
                    assertThat(a.action()).isEqualTo("message.posted");
                    assertThat(a.targetId()).isEqualTo(received.messageId().value());
                    assertThat(a.actorId()).isEqualTo(client.userId());
                });
    }
}
