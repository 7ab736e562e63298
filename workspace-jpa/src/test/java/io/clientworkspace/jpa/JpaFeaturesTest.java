package io.clientworkspace.jpa;

import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.FormAssignmentStore;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.ReadMarkerStore;
import io.clientworkspace.spi.Stores;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JpaFeatures#ALL} is the adapter's one registry: the entity list and the store set derive from it. */
class JpaFeaturesTest {

    @Test
    void theEntityClassesAreThoseOfEveryFeatureInRegistryOrder() {
        assertThat(JpaStores.ENTITY_CLASSES).containsExactlyElementsOf(JpaFeatures.ALL.stream()
                .map(JpaFeature::entityClasses).flatMap(Collection::stream).toList());
    }

    @Test
    void everyEntityClassIsAnEntityOfExactlyOneFeature() {
        assertThat(JpaStores.ENTITY_CLASSES).doesNotHaveDuplicates()
                .allSatisfy(type -> assertThat(type).hasAnnotation(Entity.class));
    }

    @Test
    void featureNamesAreUnique() {
        assertThat(JpaFeatures.ALL).extracting(JpaFeature::name).doesNotHaveDuplicates()
                .contains("foundation", "files", "approvals", "requests", "conversations", "replies");
    }

    @Test
    void theStoresOfTheJpaAdapterProvideEveryFeaturesStoresAndTheOutbox() {
        TestDatabase.H2.reset();
        Stores stores = JpaStores.create(TestDatabase.H2.emf());

        assertThat(stores.provided()).contains(FolderStore.class, FileStore.class, DownloadLogStore.class,
                ApprovalStore.class, FormStore.class, RequestStore.class, FormAssignmentStore.class,
                ConversationStore.class, MessageStore.class, ReadMarkerStore.class,
                io.clientworkspace.spi.ReplyTokenStore.class);
        assertThat(stores.outbox()).isPresent();
    }
}
