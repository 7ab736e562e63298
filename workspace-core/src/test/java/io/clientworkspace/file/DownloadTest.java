package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovedVersionsOnly;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.FileEvent.FileDownloaded;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.BlobStore.BlobIntegrityException;
import io.clientworkspace.tck.FaultInjection;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Downloads: streamed and verified, described, logged, and gated by the download policy. */
class DownloadTest {

    @TempDir
    Path blobDir;

    private final byte[] v1 = SampleFiles.pdf("first");
    private final byte[] v2 = SampleFiles.pdf("second");

    @Nested
    class Streaming {

        private FileWorld w;
        private FileAsset file;

        @BeforeEach
        void setUp() {
            w = FileWorld.create(blobDir);
            file = w.upload("proposal.pdf", v1);
            w.uploadVersion(w.f.bob, file.id(), "Proposal (final).pdf", v2);
        }

        @Test
        void aDownloadDescribesTheVersionAndStreamsItsBytes() throws IOException {
            try (FileDownload download = w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.of(1))) {
                assertThat(download.file().id()).isEqualTo(file.id());
                assertThat(download.version().number()).isEqualTo(1);
                assertThat(download.version().name()).isEqualTo("proposal.pdf");
                assertThat(download.version().detectedType()).isEqualTo("application/pdf");
                assertThat(download.version().size()).isEqualTo(v1.length);
                assertThat(download.version().sha256()).isEqualTo(SampleFiles.sha256(v1));
                assertThat(download.content().readAllBytes()).isEqualTo(v1);
            }
        }

        @Test
        void withoutANumberTheLatestVersionIsDownloaded() throws IOException {
            try (FileDownload download = w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty())) {
                assertThat(download.version().number()).isEqualTo(2);
                assertThat(download.version().name()).isEqualTo("Proposal (final).pdf");
                assertThat(download.content().readAllBytes()).isEqualTo(v2);
            }
        }

        @Test
        void bytesChangedOnDiskAreDetectedWhileReading() throws IOException {
            String key = w.files.versions(w.f.bob, w.acme(), file.id()).get(0).blobKey();
            Path stored = blobDir.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
            byte[] bytes = Files.readAllBytes(stored);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(stored, bytes);

            try (FileDownload download = w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty())) {
                assertThatThrownBy(() -> download.content().readAllBytes()).isInstanceOf(BlobIntegrityException.class)
                        .hasMessageContaining(key).hasMessageContaining("corrupted");
            }
        }

        @Test
        void aTrashedFileCanStillBeDownloadedByTheTeamButNotByClients() {
            w.files.trash(w.f.bob, w.acme(), file.id());

            assertThat(w.download(w.f.tom, file.id(), OptionalInt.empty())).isEqualTo(v2);
            w.rejects(NotFoundException.class, () -> w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty()));
        }

        @Test
        void someoneOutsideTheWorkspaceDownloadsNothing() {
            w.rejects(NotFoundException.class, () -> w.downloads.download(w.f.zach, w.acme(), file.id(), OptionalInt.empty()));
        }

        @Test
        void downloadingIsAllowedInAnArchivedWorkspace() {
            w.f.kit.workspaces().archive(w.f.bob, w.acme(), w.f.acme().version());

            assertThat(w.download(w.f.carol, file.id(), OptionalInt.of(1))).isEqualTo(v1);
        }
    }

    @Nested
    class TheDownloadLog {

        private FileWorld w;
        private FileAsset file;

        @BeforeEach
        void setUp() {
            w = FileWorld.create(blobDir);
            file = w.upload("proposal.pdf", v1);
            w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);
        }

        @Test
        void everyDownloadIsLoggedWithWhoWhichVersionAndWhen() {
            Instant first = w.f.clock.instant();
            w.download(w.f.carol, file.id(), OptionalInt.of(1));
            w.f.clock.advance(Duration.ofMinutes(3));
            w.download(w.f.tom, file.id(), OptionalInt.empty());

            List<DownloadRecord> log = w.downloads.log(w.f.bob, w.acme(), file.id(), PageRequest.first()).items();

            assertThat(log).hasSize(2);
            assertThat(log.get(0).userId()).isEqualTo(w.f.tom.userId());
            assertThat(log.get(0).actorKind()).isEqualTo(ActorKind.TEAM);
            assertThat(log.get(0).versionNumber()).isEqualTo(2);
            assertThat(log.get(0).at()).isEqualTo(first.plus(Duration.ofMinutes(3)));
            assertThat(log.get(1).userId()).isEqualTo(w.f.carol.userId());
            assertThat(log.get(1).actorKind()).isEqualTo(ActorKind.CLIENT);
            assertThat(log.get(1).versionNumber()).isEqualTo(1);
            assertThat(log.get(1).at()).isEqualTo(first);
            assertThat(log).allSatisfy(r -> {
                assertThat(r.fileId()).isEqualTo(file.id());
                assertThat(r.workspaceId()).isEqualTo(w.acme());
                assertThat(r.tenantId()).isEqualTo(w.f.tenant.id());
            });
        }

        @Test
        void theLogIsPagedNewestFirst() {
            for (int i = 0; i < 5; i++) {
                w.download(w.f.carol, file.id(), OptionalInt.empty());
                w.f.clock.advance(Duration.ofSeconds(1));
            }

            Page<DownloadRecord> first = w.downloads.log(w.f.bob, w.acme(), file.id(), PageRequest.first(3));
            Page<DownloadRecord> second = w.downloads.log(w.f.bob, w.acme(), file.id(),
                    PageRequest.after(first.nextCursor().orElseThrow(), 3));

            assertThat(first.items()).hasSize(3);
            assertThat(second.items()).hasSize(2);
            assertThat(second.hasNext()).isFalse();
            List<Instant> times = java.util.stream.Stream.concat(first.items().stream(), second.items().stream())
                    .map(DownloadRecord::at).toList();
            assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
        }

        @Test
        void aDownloadIsAnInternalActivityEntryAndAnInternalEvent() {
            w.download(w.f.carol, file.id(), OptionalInt.of(1));

            assertThat(w.f.head(w.acme()).action()).isEqualTo("file.downloaded");
            assertThat(w.f.head(w.acme()).visibility()).isEqualTo(Visibility.TEAM);
            assertThat(w.f.head(w.acme()).details()).containsEntry("version", "1");
            assertThat(w.f.events.ofType(FileDownloaded.class)).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo(w.f.carol);
                assertThat(e.versionNumber()).isEqualTo(1);
                assertThat(e.visibility()).isEqualTo(Visibility.TEAM);
            });
        }

        @Test
        void clientsMayNotReadTheLog() {
            w.download(w.f.carol, file.id(), OptionalInt.empty());

            for (Actor client : List.of(w.f.carol, w.f.erin, w.f.dave)) {
                AccessDeniedException e = w.rejects(AccessDeniedException.class,
                        () -> w.downloads.log(client, w.acme(), file.id(), PageRequest.first()));
                assertThat(e.required()).isEqualTo("VIEW_INTERNAL");
            }
        }

        @Test
        void theTeamReadsTheLog() {
            w.download(w.f.carol, file.id(), OptionalInt.empty());

            for (Actor team : List.of(w.f.alice, w.f.bob, w.f.tom)) {
                assertThat(w.downloads.log(team, w.acme(), file.id(), PageRequest.first()).items()).hasSize(1);
            }
        }

        @Test
        void theLogOfAnUnknownFileIsNotFound() {
            w.rejects(NotFoundException.class,
                    () -> w.downloads.log(w.f.bob, w.acme(), io.clientworkspace.FileId.of("nope"), PageRequest.first()));
        }
    }

    @Nested
    class ThePolicyHook {

        @Test
        void byDefaultEveryPermittedDownloadIsAllowed() {
            FileWorld w = FileWorld.create(blobDir);
            FileAsset file = w.upload("proposal.pdf", v1);

            assertThat(w.download(w.f.dave, file.id(), OptionalInt.empty())).isEqualTo(v1);
        }

        @Test
        void aRefusingPolicyDeniesTheDownloadAndNothingIsLogged() {
            FileWorld w = FileWorld.create(blobDir, b -> b.downloadPolicy((actor, f, version) ->
                    actor.isTeam() ? Optional.empty() : Optional.of("a paid invoice")));
            FileAsset file = w.upload("proposal.pdf", v1);

            AccessDeniedException e = w.rejects(AccessDeniedException.class,
                    () -> w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty()));

            assertThat(e.required()).isEqualTo("a paid invoice");
            assertThat(e.getMessage()).contains("proposal.pdf");
            assertThat(w.download(w.f.bob, file.id(), OptionalInt.empty())).isEqualTo(v1);
        }

        @Test
        void thePolicyIsToldWhoWantsWhichVersion() {
            List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
            FileWorld w = FileWorld.create(blobDir, b -> b.downloadPolicy((actor, f, version) -> {
                asked.add(actor.userId().value() + ":" + f.name() + "@" + version.number());
                return Optional.empty();
            }));
            FileAsset file = w.upload("proposal.pdf", v1);
            w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);

            w.download(w.f.carol, file.id(), OptionalInt.of(1));

            assertThat(asked).containsExactly("carol:proposal.pdf@1");
        }

        @Test
        void withApprovedVersionsOnlyAClientGetsOnlyAnApprovedVersion() {
            FileWorld w = FileWorld.create(blobDir, b -> b.downloadPolicyFrom(kit -> new ApprovedVersionsOnly(kit.approvals())));
            FileAsset file = w.upload("proposal.pdf", v1);
            w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);
            ApprovalRequest request = w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), 1,
                    NewApproval.of("Sign off", Set.of(UserId.of("carol"))));

            w.rejects(AccessDeniedException.class, () -> w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.of(1)));
            w.f.kit.approvals().decide(w.f.carol, w.acme(), request.id(), DecisionKind.APPROVE, Optional.empty());

            assertThat(w.download(w.f.carol, file.id(), OptionalInt.of(1))).isEqualTo(v1);
            AccessDeniedException e = w.rejects(AccessDeniedException.class,
                    () -> w.downloads.download(w.f.erin, w.acme(), file.id(), OptionalInt.of(2)));
            assertThat(e.required()).isEqualTo("an approved version");
            w.rejects(AccessDeniedException.class, () -> w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty()));
        }

        @Test
        void withApprovedVersionsOnlyTheTeamGetsEveryVersion() {
            FileWorld w = FileWorld.create(blobDir, b -> b.downloadPolicyFrom(kit -> new ApprovedVersionsOnly(kit.approvals())));
            FileAsset file = w.upload("proposal.pdf", v1);
            w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", v2);

            assertThat(w.download(w.f.tom, file.id(), OptionalInt.of(1))).isEqualTo(v1);
            assertThat(w.download(w.f.tom, file.id(), OptionalInt.of(2))).isEqualTo(v2);
        }

        @Test
        void aRejectedVersionStaysUndownloadableForClients() {
            FileWorld w = FileWorld.create(blobDir, b -> b.downloadPolicyFrom(kit -> new ApprovedVersionsOnly(kit.approvals())));
            FileAsset file = w.upload("proposal.pdf", v1);
            ApprovalRequest request = w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), 1,
                    NewApproval.of("Sign off", Set.of(UserId.of("carol"))));
            w.f.kit.approvals().decide(w.f.carol, w.acme(), request.id(), DecisionKind.REJECT, Optional.of("Wrong figures"));

            w.rejects(AccessDeniedException.class, () -> w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.of(1)));
        }
    }

    /** Closing what was opened matters for a download whose recording fails: nothing may leak. */
    @Nested
    class Resources {

        @Test
        void theOpenedStreamIsClosedWhenRecordingTheDownloadFails() {
            FaultInjection faults = new FaultInjection();
            List<InputStream> opened = new java.util.ArrayList<>();
            boolean[] closed = {false};
            FileWorld w = FileWorld.create(blobDir, faults::wrap, faults.wrap(InMemoryStores.create()));
            FileAsset file = w.upload("proposal.pdf", v1);
            faults.intercept("BlobStore.open", call -> {
                InputStream in = new java.io.FilterInputStream((InputStream) call.proceed()) {
                    @Override
                    public void close() throws IOException {
                        closed[0] = true;
                        super.close();
                    }
                };
                opened.add(in);
                return in;
            });
            faults.failOn("DownloadLogStore.append");

            w.rejects(FaultInjection.InjectedFailure.class,
                    () -> w.downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty()));

            assertThat(opened).hasSize(1);
            assertThat(closed[0]).as("the blob stream was closed").isTrue();
        }
    }
}
