package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.MilestoneEntity;
import io.clientworkspace.jpa.entity.OnboardingEntity;
import io.clientworkspace.jpa.entity.ProjectEntity;
import io.clientworkspace.jpa.entity.StatusAcknowledgementEntity;
import io.clientworkspace.jpa.entity.StatusUpdateEntity;
import io.clientworkspace.jpa.entity.TaskEntity;
import io.clientworkspace.jpa.entity.TaskListEntity;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.StatusUpdateStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;

import java.time.Clock;
import java.util.List;

/**
 * Projects: projects, milestones, task lists, ranked tasks, status updates with their acknowledgements, and each
 * workspace's onboarding facts (migration V11).
 */
final class JpaProjectFeature implements JpaFeature {

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ProjectEntity.class, MilestoneEntity.class, TaskListEntity.class, TaskEntity.class,
                StatusUpdateEntity.class, StatusAcknowledgementEntity.class, OnboardingEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(ProjectStore.class, new JpaProjectStore(transactions))
                .add(MilestoneStore.class, new JpaMilestoneStore(transactions))
                .add(TaskListStore.class, new JpaTaskListStore(transactions))
                .add(TaskStore.class, new JpaTaskStore(transactions))
                .add(StatusUpdateStore.class, new JpaStatusUpdateStore(transactions))
                .add(OnboardingStore.class, new JpaOnboardingStore(transactions));
    }
}
