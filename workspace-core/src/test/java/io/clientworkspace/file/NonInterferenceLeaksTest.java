package io.clientworkspace.file;

import io.clientworkspace.ConflictException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The four leaks of issue 10's first finding, each reproduced as the client saw it: the external reference,
 * the activity chain's sequence numbers (in entries and cursors), a folder name taken by an internal folder,
 * and a folder that looks empty to the client but holds internal items. (In the fixture, bob leads acme, which
 * is linked to {@code crm-acme}; carol is a client admin, dave a client viewer.)
 */
class NonInterferenceLeaksTest {

    @TempDir
    Path blobDir;

    private FileWorld w;

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir);
    }

    @Nested
    class ExternalReference {

        @Test
        void aClientNeverSeesTheWorkspacesExternalReference() {
            Workspace asClient = w.f.kit.workspaces().get(w.f.dave, w.acme());

            assertThat(asClient.externalRef()).isEmpty();
            assertThat(w.f.kit.workspaces().find(w.f.dave, w.acme()).orElseThrow().externalRef()).isEmpty();
            assertThat(w.f.kit.workspaces().findBySlug(w.f.dave, "acme").orElseThrow().externalRef()).isEmpty();
            assertThat(w.f.kit.workspaces().list(w.f.dave, PageRequest.first()).items())
                    .allSatisfy(ws -> assertThat(ws.externalRef()).isEmpty());
        }

        @Test
        void theTeamStillSeesTheExternalReference() {
            assertThat(w.f.kit.workspaces().get(w.f.bob, w.acme()).externalRef()).contains("crm-acme");
        }

        @Test
        void changingTheExternalReferenceChangesNothingAClientSeesNotEvenTheVersion() {
            Workspace before = w.f.kit.workspaces().get(w.f.dave, w.acme());
            Workspace team = w.f.kit.workspaces().get(w.f.bob, w.acme());

            w.f.clock.advance(java.time.Duration.ofMinutes(3));
            Workspace relinked = w.f.kit.workspaces().setExternalRef(w.f.bob, w.acme(), Optional.of("crm-acme-2"),
                    team.version());
            w.f.kit.workspaces().setExternalRef(w.f.bob, w.acme(), Optional.empty(), relinked.version());

            assertThat(relinked.externalRef()).contains("crm-acme-2");
            assertThat(w.f.kit.workspaces().get(w.f.dave, w.acme())).isEqualTo(before);
        }

        @Test
        void aLookupByExternalReferenceAnswersAClientAsForAReferenceThatDoesNotExist() {
            assertThat(w.f.kit.workspaces().findByExternalRef(w.f.dave, "crm-acme")).isEmpty();
            assertThat(w.f.kit.workspaces().findByExternalRef(w.f.dave, "crm-none")).isEmpty();
            assertThat(w.f.kit.workspaces().findByExternalRef(w.f.bob, "crm-acme")).isPresent();
        }
    }

    @Nested
    class ActivitySequence {

        @BeforeEach
        void teamOnlyActivityBetweenClientEntries() {
            w.f.kit.folders().create(w.f.bob, w.acme(), "Shared", Optional.empty(), Visibility.CLIENT);
            w.f.kit.invitations().invite(w.f.bob, w.acme(), NewInvitation.of("new@example.com", WorkspaceRole.CLIENT_VIEWER));
            w.f.kit.folders().create(w.f.bob, w.acme(), "Internal", Optional.empty(), Visibility.TEAM);
            w.f.kit.folders().create(w.f.bob, w.acme(), "Shared 2", Optional.empty(), Visibility.CLIENT);
        }

        @Test
        void aClientsFeedCarriesNoChainPositionOrHash() {
            List<ActivityEntry> feed = w.f.kit.activity().feed(w.f.dave, w.acme(), PageRequest.first()).items();

            assertThat(feed).isNotEmpty().allSatisfy(e -> {
                assertThat(e.chainWithheld()).isTrue();
                assertThat(e.sequence()).isZero();
                assertThat(e.hash()).isEmpty();
                assertThat(e.previousHash()).isEmpty();
            });
        }

        @Test
        void theTeamsFeedKeepsTheChainPositions() {
            List<ActivityEntry> feed = w.f.kit.activity().feed(w.f.bob, w.acme(), PageRequest.first()).items();

            assertThat(feed).allSatisfy(e -> assertThat(e.sequence()).isPositive());
            assertThat(feed.get(0).sequence()).isEqualTo(feed.size());
        }

        @Test
        void aClientsCursorsNameOnlyEntriesTheClientSawAndPageThroughTheWholeFeed() {
            List<String> seen = new ArrayList<>();
            List<String> decoded = new ArrayList<>();
            Page<ActivityEntry> page = w.f.kit.activity().feed(w.f.dave, w.acme(), PageRequest.first(1));
            while (true) {
                page.items().forEach(e -> seen.add(e.id().value()));
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                String text = new String(Base64.getUrlDecoder().decode(page.nextCursor().get()), StandardCharsets.UTF_8);
                decoded.add(text);
                page = w.f.kit.activity().feed(w.f.dave, w.acme(), PageRequest.after(page.nextCursor().get(), 1));
            }

            assertThat(seen).hasSize(w.f.kit.activity().feed(w.f.dave, w.acme(), PageRequest.first(500)).items().size());
            assertThat(decoded).allSatisfy(text -> assertThat(seen).anySatisfy(id -> assertThat(text).isEqualTo("act:" + id)));
        }
    }

    @Nested
    class FolderNames {

        @Test
        void aClientCreatesAFolderNamedLikeAnInternalOne() {
            w.f.kit.folders().create(w.f.bob, w.acme(), "Pricing", Optional.empty(), Visibility.TEAM);

            Folder mine = w.f.kit.folders().create(w.f.carol, w.acme(), "Pricing", Optional.empty(), Visibility.CLIENT);

            assertThat(mine.name()).isEqualTo("Pricing");
            assertThat(w.f.kit.folders().list(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items())
                    .extracting(Folder::name, Folder::visibility)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Pricing", Visibility.TEAM),
                            org.assertj.core.groups.Tuple.tuple("Pricing", Visibility.CLIENT));
        }

        @Test
        void aClientRenamesAFolderToTheNameOfAnInternalOne() {
            w.f.kit.folders().create(w.f.bob, w.acme(), "Pricing", Optional.empty(), Visibility.TEAM);
            Folder mine = w.f.kit.folders().create(w.f.carol, w.acme(), "Mine", Optional.empty(), Visibility.CLIENT);

            assertThat(w.f.kit.folders().rename(w.f.carol, w.acme(), mine.id(), "Pricing", mine.version()).name())
                    .isEqualTo("Pricing");
        }

        @Test
        void namesStayUniqueAmongTheFoldersOneAudienceSees() {
            w.f.kit.folders().create(w.f.carol, w.acme(), "Pricing", Optional.empty(), Visibility.CLIENT);

            assertThatThrownBy(() -> w.f.kit.folders().create(w.f.carol, w.acme(), "Pricing", Optional.empty(),
                    Visibility.CLIENT)).isInstanceOf(ConflictException.class)
                    .hasMessage("A folder named 'Pricing' already exists here");
        }

        @Test
        void theTeamPagesThroughSameNamedFoldersWithoutLosingOne() {
            w.f.kit.folders().create(w.f.bob, w.acme(), "Pricing", Optional.empty(), Visibility.TEAM);
            w.f.kit.folders().create(w.f.bob, w.acme(), "Pricing", Optional.empty(), Visibility.CLIENT);
            List<Folder> seen = new ArrayList<>();
            Page<Folder> page = w.f.kit.folders().list(w.f.bob, w.acme(), Optional.empty(), PageRequest.first(1));
            seen.addAll(page.items());
            while (page.nextCursor().isPresent()) {
                page = w.f.kit.folders().list(w.f.bob, w.acme(), Optional.empty(), PageRequest.after(page.nextCursor().get(), 1));
                seen.addAll(page.items());
            }

            assertThat(seen).extracting(Folder::visibility).containsExactlyInAnyOrder(Visibility.TEAM, Visibility.CLIENT);
        }
    }

    @Nested
    class FolderEmptiness {

        private Folder shared;

        @BeforeEach
        void aClientFolderHoldingOnlyInternalItems() {
            shared = w.f.kit.folders().create(w.f.bob, w.acme(), "Shared", Optional.empty(), Visibility.CLIENT);
            w.f.kit.folders().create(w.f.bob, w.acme(), "Team notes", Optional.of(shared.id()), Visibility.TEAM);
            w.upload(w.f.bob, new NewUpload("costs.txt", "text/plain", Optional.of(shared.id()), Visibility.TEAM),
                    "internal costs\n".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void aClientDeletesAFolderThatLooksEmptyToIt() {
            w.f.kit.folders().delete(w.f.carol, w.acme(), shared.id());

            assertThat(w.f.kit.folders().list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first()).items()).isEmpty();
            assertThatThrownBy(() -> w.f.kit.folders().list(w.f.carol, w.acme(), Optional.of(shared.id()),
                    PageRequest.first())).isInstanceOf(io.clientworkspace.NotFoundException.class);
        }

        @Test
        void theInternalItemsStayForTheTeamInAFolderThatBecameInternal() {
            w.f.kit.folders().delete(w.f.carol, w.acme(), shared.id());

            Folder kept = w.f.kit.folders().list(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items().get(0);
            assertThat(kept.id()).isEqualTo(shared.id());
            assertThat(kept.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(w.f.kit.folders().list(w.f.bob, w.acme(), Optional.of(shared.id()), PageRequest.first()).items())
                    .extracting(Folder::name).containsExactly("Team notes");
            assertThat(w.f.kit.files().list(w.f.bob, w.acme(), Optional.of(shared.id()), PageRequest.first()).items())
                    .extracting(FileAsset::name).containsExactly("costs.txt");
        }

        @Test
        void theClientsFeedShowsTheDeletionAsForAnEmptyFolder() {
            w.f.kit.folders().delete(w.f.carol, w.acme(), shared.id());

            ActivityEntry last = w.f.kit.activity().feed(w.f.carol, w.acme(), PageRequest.first(1)).items().get(0);
            assertThat(last.action()).isEqualTo("folder.deleted");
            assertThat(last.details()).containsEntry("name", "Shared");
        }

        @Test
        void aFolderWithAClientVisibleChildIsStillNotEmpty() {
            w.f.kit.folders().create(w.f.carol, w.acme(), "Mine", Optional.of(shared.id()), Visibility.CLIENT);

            assertThatThrownBy(() -> w.f.kit.folders().delete(w.f.carol, w.acme(), shared.id()))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("is not empty");
        }

        @Test
        void aClientDeletesAFolderWhoseOnlyClientFileIsTrashedAsIfItWereEmpty() {
            Folder docs = w.f.kit.folders().create(w.f.bob, w.acme(), "Docs", Optional.empty(), Visibility.CLIENT);
            FileAsset file = w.upload(w.f.bob, NewUpload.of("old.txt", "text/plain").in(docs.id()),
                    "superseded\n".getBytes(StandardCharsets.UTF_8));
            w.f.kit.files().trash(w.f.bob, w.acme(), file.id());

            w.f.kit.folders().delete(w.f.carol, w.acme(), docs.id());

            assertThat(w.f.kit.folders().list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first()).items())
                    .extracting(Folder::name).doesNotContain("Docs");
            assertThat(w.f.kit.files().trash(w.f.bob, w.acme(), Optional.of(docs.id()), PageRequest.first()).items())
                    .extracting(FileAsset::name).containsExactly("old.txt");
        }

        @Test
        void aClientFileRestoredIntoAFolderThatBecameInternalComesBackInternal() {
            FileAsset file = w.upload(w.f.bob, NewUpload.of("old.txt", "text/plain").in(shared.id()),
                    "superseded\n".getBytes(StandardCharsets.UTF_8));
            w.f.kit.files().trash(w.f.bob, w.acme(), file.id());
            w.f.kit.folders().delete(w.f.carol, w.acme(), shared.id());

            FileAsset restored = w.f.kit.files().restore(w.f.bob, w.acme(), file.id());

            assertThat(restored.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(w.f.kit.files().find(w.f.carol, w.acme(), file.id())).isEmpty();
        }

        @Test
        void theTeamStillCannotDeleteAFolderHoldingInternalItems() {
            assertThatThrownBy(() -> w.f.kit.folders().delete(w.f.bob, w.acme(), shared.id()))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("is not empty");
        }

        @Test
        void aClientFolderWhoseNameIsTakenByAnInternalSiblingIsKeptUnderAnotherName() {
            w.f.kit.folders().create(w.f.bob, w.acme(), "Shared", Optional.empty(), Visibility.TEAM);

            w.f.kit.folders().delete(w.f.carol, w.acme(), shared.id());

            assertThat(w.f.kit.folders().list(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items())
                    .extracting(Folder::name).containsExactly("Shared", "Shared (deleted by a client)");
        }
    }
}
