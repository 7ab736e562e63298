package io.clientworkspace.spi;

import io.clientworkspace.FeatureUnavailableException;
import io.clientworkspace.memory.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A {@link Stores} is an open, immutable map from store SPI to store: decorators replace single stores. */
class StoresTest {

    private static final List<Class<?>> EVERY_STORE = List.of(TenantStore.class, TeamStore.class,
            PermissionMatrixStore.class, WorkspaceStore.class, MembershipStore.class, InvitationStore.class,
            ActivityStore.class, FolderStore.class, FileStore.class, DownloadLogStore.class, ApprovalStore.class,
            ConversationStore.class, MessageStore.class, ReadMarkerStore.class, ReplyTokenStore.class,
            FormStore.class, RequestStore.class, FormAssignmentStore.class, ProjectStore.class, MilestoneStore.class,
            TaskListStore.class, TaskStore.class, StatusUpdateStore.class, OnboardingStore.class,
            ScheduledEventStore.class, CalendarFeedTokenStore.class, TemplateStore.class, WorkspaceOriginStore.class,
            LinkedRecordStore.class, ClientRoleStore.class, NotificationStore.class);

    @SuppressWarnings("unchecked")
    private static <T> T dummy(Class<T> type) {
        return (T) Proxy.newProxyInstance(StoresTest.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> method.getName().equals("toString") ? "dummy " + type.getSimpleName() : null);
    }

    private static Stores foundationOnly() {
        Stores.Builder builder = Stores.builder(dummy(UnitOfWork.class));
        for (Class<?> spi : Stores.FOUNDATION) {
            addDummy(builder, spi);
        }
        return builder.build();
    }

    private static <S> void addDummy(Stores.Builder builder, Class<S> spi) {
        builder.add(spi, dummy(spi));
    }

    @Test
    void theInMemorySetProvidesEveryStoreOfTheKit() {
        assertThat(InMemoryStores.create().provided()).containsExactlyInAnyOrderElementsOf(EVERY_STORE);
    }

    @Test
    void aStoreIsFoundUnderItsSpiInterface() {
        ApprovalStore approvals = dummy(ApprovalStore.class);

        Stores stores = Stores.builder(dummy(UnitOfWork.class)).add(ApprovalStore.class, approvals).build();

        assertThat(stores.find(ApprovalStore.class)).containsSame(approvals);
        assertThat(stores.require(ApprovalStore.class)).isSameAs(approvals);
        assertThat(stores.provides(ApprovalStore.class)).isTrue();
    }

    @Test
    void aMissingStoreIsEmptyAndNotProvided() {
        Stores stores = foundationOnly();

        assertThat(stores.find(FileStore.class)).isEmpty();
        assertThat(stores.provides(FileStore.class)).isFalse();
        assertThat(stores.provided()).containsExactlyElementsOf(Stores.FOUNDATION);
    }

    @Test
    void requiringAMissingStoreNamesTheSpiAndTheFeature() {
        Stores stores = foundationOnly();

        assertThatThrownBy(() -> stores.require(ApprovalStore.class))
                .isInstanceOfSatisfying(FeatureUnavailableException.class, e -> {
                    assertThat(e.feature()).isEqualTo("approvals");
                    assertThat(e.missingStore()).isEqualTo(ApprovalStore.class);
                    assertThat(e.code()).isEqualTo("feature-unavailable");
                })
                .hasMessage("Approvals are unavailable: the store set provides no io.clientworkspace.spi.ApprovalStore"
                        + " (InMemoryStores.create() and JpaStores.create(...) provide every store)");
    }

    @Test
    void aMissingFoundationAccessorNamesItsSpi() {
        Stores stores = Stores.builder(dummy(UnitOfWork.class)).build();

        assertThatThrownBy(stores::activity).isInstanceOf(FeatureUnavailableException.class)
                .hasMessageContaining("io.clientworkspace.spi.ActivityStore");
    }

    @Test
    void addingTheSameSpiTwiceIsRefused() {
        Stores.Builder builder = Stores.builder(dummy(UnitOfWork.class)).add(FileStore.class, dummy(FileStore.class));

        assertThatThrownBy(() -> builder.add(FileStore.class, dummy(FileStore.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered for io.clientworkspace.spi.FileStore");
    }

    @Test
    void aStoreMustBeRegisteredUnderAnInterface() {
        Stores.Builder builder = Stores.builder(dummy(UnitOfWork.class));

        assertThatThrownBy(() -> builder.add(Object.class, dummy(FileStore.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SPI interface");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aStoreThatDoesNotImplementItsSpiIsRefused() {
        Stores.Builder builder = Stores.builder(dummy(UnitOfWork.class));
        Class raw = FileStore.class;

        assertThatThrownBy(() -> builder.add(raw, dummy(FolderStore.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not implement io.clientworkspace.spi.FileStore");
        assertThatThrownBy(() -> foundationOnly().with(raw, dummy(FolderStore.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUnitOfWorkAndTheOutboxAreNotStores() {
        Stores.Builder builder = Stores.builder(dummy(UnitOfWork.class));

        assertThatThrownBy(() -> builder.add(UnitOfWork.class, dummy(UnitOfWork.class)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(EventOutbox.class, dummy(EventOutbox.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReplacesJustThatStoreAndLeavesTheOriginalUnchanged() {
        Stores original = InMemoryStores.create();
        FileStore decorated = dummy(FileStore.class);

        Stores replaced = original.with(FileStore.class, decorated);

        assertThat(replaced.require(FileStore.class)).isSameAs(decorated);
        assertThat(original.require(FileStore.class)).isNotSameAs(decorated);
        for (Class<?> spi : EVERY_STORE) {
            if (spi != FileStore.class) {
                assertThat((Object) replaced.find(spi).orElseThrow()).as(spi.getSimpleName())
                        .isSameAs(original.find(spi).orElseThrow());
            }
        }
        assertThat(replaced.unitOfWork()).isSameAs(original.unitOfWork());
        assertThat(replaced.outbox()).isEqualTo(original.outbox());
    }

    @Test
    void withAddsAStoreTheSetDidNotHave() {
        Stores original = foundationOnly();
        ApprovalStore approvals = dummy(ApprovalStore.class);

        Stores extended = original.with(ApprovalStore.class, approvals);

        assertThat(extended.require(ApprovalStore.class)).isSameAs(approvals);
        assertThat(original.provides(ApprovalStore.class)).isFalse();
    }

    @Test
    void withUnitOfWorkAndWithOutboxReplaceOnlyThemselves() {
        Stores original = InMemoryStores.create();
        UnitOfWork unitOfWork = dummy(UnitOfWork.class);
        EventOutbox outbox = dummy(EventOutbox.class);

        Stores replaced = original.withUnitOfWork(unitOfWork).withOutbox(Optional.of(outbox));

        assertThat(replaced.unitOfWork()).isSameAs(unitOfWork);
        assertThat(replaced.outbox()).containsSame(outbox);
        assertThat(replaced.provided()).containsExactlyElementsOf(original.provided());
        assertThat(replaced.tenants()).isSameAs(original.tenants());
        assertThat(original.outbox()).isEmpty();
    }

    @Test
    void aBuiltSetIsNotChangedByLaterUseOfItsBuilder() {
        Stores.Builder builder = Stores.builder(dummy(UnitOfWork.class)).add(TenantStore.class, dummy(TenantStore.class));
        Stores built = builder.build();

        builder.add(TeamStore.class, dummy(TeamStore.class));

        assertThat(built.provided()).containsExactly(TenantStore.class);
        assertThatThrownBy(() -> built.provided().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
