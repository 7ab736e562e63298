package io.clientworkspace.approval;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.FileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.clientworkspace.approval.ApprovalWorld.ask;
import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Asking for an approval: of an exact file version or a deliverable, of whom, and what is refused. */
class RequestingApprovalTest {

    @TempDir
    Path blobs;

    private ApprovalWorld w;
    private ApprovalService approvals;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
        approvals = w.approvals;
    }

    @Test
    void aTeamMemberAsksForApprovalOfAnExactFileVersion() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        FileVersion v1 = w.version(file, 1);
        w.f.clock.advance(Duration.ofMinutes(5));

        ApprovalRequest request = approvals.requestForFile(w.f.tom, w.acme, file.id(), 1,
                ask("Sign off the proposal", w.f.carol, w.f.erin).withMessage("Please check the prices")
                        .withPolicy(ApprovalPolicy.all()));

        assertThat(request.subject()).isEqualTo(new ApprovalSubject.FileVersionSubject(file.id(), 1, v1.sha256()));
        assertThat(request.title()).isEqualTo("Sign off the proposal");
        assertThat(request.message()).contains("Please check the prices");
        assertThat(request.approvers()).containsExactly(w.f.carol.userId(), w.f.erin.userId());
        assertThat(request.policy()).isEqualTo(ApprovalPolicy.all());
        assertThat(request.status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(request.requestedBy()).isEqualTo(w.f.tom.userId());
        assertThat(request.requestedAt()).isEqualTo(w.f.clock.instant());
        assertThat(request.resolvedAt()).isEmpty();
        assertThat(request.dueAt()).isEmpty();
        assertThat(w.stored(request.id())).isEqualTo(request);
        assertThat(w.decisions(request.id())).isEmpty();
    }

    @Test
    void anOlderVersionMayBeAskedAboutAndIsBoundToItsOwnHash() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        FileVersion v2 = w.newVersion(w.f.bob, file);
        FileVersion v1 = w.version(file, 1);

        ApprovalRequest onV1 = w.requestFor(file, 1, w.f.carol);
        ApprovalRequest onV2 = w.requestFor(file, 2, w.f.carol);

        assertThat(v1.sha256()).isNotEqualTo(v2.sha256());
        assertThat(onV1.subject()).isEqualTo(new ApprovalSubject.FileVersionSubject(file.id(), 1, v1.sha256()));
        assertThat(onV2.subject()).isEqualTo(new ApprovalSubject.FileVersionSubject(file.id(), 2, v2.sha256()));
    }

    @Test
    void aDeliverableIsDescribedByTitleDescriptionAndLink() {
        ApprovalRequest request = approvals.requestForDeliverable(w.f.bob, w.acme, "  The new homepage, desktop and mobile ",
                Optional.of("https://staging.example.com/home?v=3"), ask("Homepage", w.f.carol));

        assertThat(request.title()).isEqualTo("Homepage");
        assertThat(request.subject()).isEqualTo(new ApprovalSubject.DeliverableSubject(
                "The new homepage, desktop and mobile", Optional.of("https://staging.example.com/home?v=3")));
        assertThat(w.stored(request.id())).isEqualTo(request);
    }

    @Test
    void aDeliverableNeedsNoLink() {
        ApprovalRequest request = approvals.requestForDeliverable(w.f.bob, w.acme, "The printed brochure",
                Optional.empty(), ask("Brochure", w.f.carol));

        assertThat(request.subject()).isEqualTo(new ApprovalSubject.DeliverableSubject("The printed brochure",
                Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
            "staging.example.com/home", "/relative/path", "ftp://example.com/file", "https://"})
    void aDeliverablesLinkMustBeAnHttpOrHttpsUrl(String link) {
        ValidationException e = w.rejects(ValidationException.class, () -> approvals.requestForDeliverable(w.f.bob,
                w.acme, "The homepage", Optional.of(link), ask("Homepage", w.f.carol)));

        assertThat(fieldsOf(e)).containsExactly("link");
    }

    @Test
    void aDeliverableNeedsADescription() {
        ValidationException e = w.rejects(ValidationException.class, () -> approvals.requestForDeliverable(w.f.bob,
                w.acme, "  ", Optional.empty(), ask("Homepage", w.f.carol)));

        assertThat(fieldsOf(e)).containsExactly("description");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 201})
    void aTitleIsOneTo200Characters(int length) {
        String title = length == 0 ? " " : "x".repeat(length);

        ValidationException e = w.rejects(ValidationException.class, () -> approvals.requestForDeliverable(w.f.bob,
                w.acme, "The homepage", Optional.empty(), ask(title, w.f.carol)));

        assertThat(fieldsOf(e)).containsExactly("title");
    }

    @Test
    void anyVersionOfAFileWithHundredsOfVersionsMayBeAskedAbout() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        FileVersion v1 = w.version(file, 1);
        w.f.kit.stores().unitOfWork().execute(() -> {
            FileVersion previous = v1;
            for (int n = 2; n <= 600; n++) {
                previous = w.f.kit.stores().require(FileStore.class).appendVersion(new FileVersion(v1.tenantId(), v1.workspaceId(),
                        v1.fileId(), n, v1.name(), v1.blobKey(), v1.size(), v1.sha256(), v1.detectedType(),
                        v1.declaredType(), v1.uploadedBy(), v1.uploadedAt()));
            }
            return previous;
        });

        ApprovalRequest request = w.requestFor(file, 1, w.f.carol);

        assertThat(request.subject()).isEqualTo(new ApprovalSubject.FileVersionSubject(file.id(), 1, v1.sha256()));
    }

    @Test
    void aTrashedFileCannotBeAskedAboutSinceClientsNoLongerSeeIt() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        w.files.trash(w.f.bob, w.acme, file.id());

        io.clientworkspace.ConflictException e = w.rejects(io.clientworkspace.ConflictException.class,
                () -> w.requestFor(file, 1, w.f.carol));

        assertThat(e.getMessage()).contains("in the trash").contains("restore it");
    }

    @Test
    void aVersionThatDoesNotExistIsNotFound() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");

        w.rejects(NotFoundException.class, () -> w.requestFor(file, 2, w.f.carol));
    }

    @Test
    void clientAndTeamMembersAllowedToDecideMayBeApprovers() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");

        ApprovalRequest request = approvals.requestForFile(w.f.bob, w.acme, file.id(), 1,
                ask("Everyone", w.f.carol, w.f.erin, w.f.tom, w.f.bob));

        assertThat(request.approvers()).containsExactlyInAnyOrder(w.f.carol.userId(), w.f.erin.userId(),
                w.f.tom.userId(), w.f.bob.userId());
    }

    @Test
    void approversMustBeMembersOfTheWorkspace() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");

        for (UserId outsider : Set.of(w.f.tina.userId(), w.f.zach.userId(), w.f.mallory.userId(), UserId.of("nobody"),
                w.f.alice.userId())) {
            ValidationException e = w.rejects(ValidationException.class, () -> approvals.requestForFile(w.f.bob, w.acme,
                    file.id(), 1, NewApproval.of("Sign off", Set.of(w.f.carol.userId(), outsider))));
            assertThat(fieldsOf(e)).as("approver %s", outsider).containsExactly("approvers");
            assertThat(e.getMessage()).contains(outsider.value());
        }
    }

    @Test
    void approversMustBeAllowedToDecideApprovals() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");

        ValidationException e = w.rejects(ValidationException.class,
                () -> w.requestFor(file, 1, w.f.carol, w.f.dave));

        assertThat(fieldsOf(e)).containsExactly("approvers");
        assertThat(e.getMessage()).contains("dave");
    }

    @Test
    void whoMayDecideFollowsTheTenantsPermissionMatrix() {
        w.f.kit.accessPolicies().replaceMatrix(w.f.alice, PermissionMatrix.defaults()
                .with(WorkspaceRole.CLIENT_CONTRIBUTOR, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.UPLOAD_FILES))
                .with(WorkspaceRole.CLIENT_VIEWER, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.DECIDE_APPROVALS)));
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");

        ValidationException e = w.rejects(ValidationException.class, () -> w.requestFor(file, 1, w.f.erin));
        ApprovalRequest byDave = w.requestFor(file, 1, w.f.dave);

        assertThat(fieldsOf(e)).containsExactly("approvers");
        assertThat(byDave.approvers()).containsExactly(w.f.dave.userId());
    }

    @Test
    void aClientCannotBeAskedAboutAnInternalFile() {
        FileAsset internal = w.uploadInternal(w.f.bob, "costing.pdf");

        for (Actor client : List.of(w.f.carol, w.f.erin)) {
            ValidationException e = w.rejects(ValidationException.class, () -> w.requestFor(internal, 1, w.f.tom, client));
            assertThat(fieldsOf(e)).containsExactly("approvers");
        }
    }

    @Test
    void teamMembersMayBeAskedAboutAnInternalFile() {
        FileAsset internal = w.uploadInternal(w.f.bob, "costing.pdf");

        ApprovalRequest request = w.requestFor(internal, 1, w.f.tom, w.f.bob);

        assertThat(request.approvers()).containsExactlyInAnyOrder(w.f.tom.userId(), w.f.bob.userId());
    }

    @Test
    void oneToFiftyApproversMayBeAsked() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        Set<UserId> fiftyOne = IntStream.range(0, 51).mapToObj(i -> UserId.of("client-" + i)).collect(Collectors.toSet());

        ValidationException none = w.rejects(ValidationException.class, () -> approvals.requestForFile(w.f.bob, w.acme,
                file.id(), 1, NewApproval.of("Nobody", Set.of())));
        ValidationException tooMany = w.rejects(ValidationException.class, () -> approvals.requestForFile(w.f.bob,
                w.acme, file.id(), 1, NewApproval.of("Everybody", fiftyOne)));

        assertThat(fieldsOf(none)).containsExactly("approvers");
        assertThat(fieldsOf(tooMany)).containsExactly("approvers");
    }

    @Test
    void aQuorumCannotExceedTheNumberOfApprovers() {
        ValidationException e = w.rejects(ValidationException.class,
                () -> w.deliverable(ApprovalPolicy.quorum(3), w.f.carol, w.f.erin));

        assertThat(fieldsOf(e)).containsExactly("policy.quorum");
    }

    @Test
    void aQuorumIsAtLeastOne() {
        Throwable thrown = catchThrowable(() -> ApprovalPolicy.quorum(0));

        assertThat(thrown).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(fieldsOf(e)).containsExactly("policy.quorum"));
    }

    @Test
    void aDueDateMustBeInTheFuture() {
        for (Duration fromNow : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
            ValidationException e = w.rejects(ValidationException.class, () -> approvals.requestForDeliverable(w.f.bob,
                    w.acme, "The homepage", Optional.empty(),
                    ask("Homepage", w.f.carol).due(w.f.clock.instant().plus(fromNow))));
            assertThat(fieldsOf(e)).containsExactly("dueAt");
        }
    }

    @Test
    void aDueDateIsKept() {
        ApprovalRequest request = approvals.requestForDeliverable(w.f.bob, w.acme, "The homepage", Optional.empty(),
                ask("Homepage", w.f.carol).due(w.f.clock.instant().plus(Duration.ofDays(3))));

        assertThat(request.dueAt()).contains(w.f.clock.instant().plus(Duration.ofDays(3)));
    }

    @Test
    void clientsMayNotRequestApprovalsByDefault() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");

        w.rejects(AccessDeniedException.class, () -> approvals.requestForFile(w.f.carol, w.acme, file.id(), 1,
                ask("Sign off", w.f.erin)));
    }

    @Test
    void aClientAskingAboutAnInternalFileFindsNoFile() {
        FileAsset internal = w.uploadInternal(w.f.bob, "costing.pdf");

        w.rejects(NotFoundException.class, () -> approvals.requestForFile(w.f.carol, w.acme, internal.id(), 1,
                ask("Sign off", w.f.tom)));
    }

    @Test
    void anArchivedWorkspaceTakesNoNewRequests() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        w.f.kit.workspaces().archive(w.f.bob, w.acme, w.f.acme().version());

        w.rejects(ArchivedException.class, () -> w.requestFor(file, 1, w.f.carol));
    }
}
