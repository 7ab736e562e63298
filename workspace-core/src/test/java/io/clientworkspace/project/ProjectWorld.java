package io.clientworkspace.project;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.support.Fixture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixture's agency with a client-visible project "Brand refresh" (owner bob) in acme and a client-visible task
 * list "Design" in it; helpers to add tasks and read whole lists.
 */
final class ProjectWorld {

    final Fixture f;
    final WorkspaceId acme;
    final ProjectService projects;
    final TaskService tasks;
    final Project brand;
    final TaskList design;

    private ProjectWorld(Fixture f) {
        this.f = f;
        this.acme = f.acme.id();
        this.projects = f.kit.projects();
        this.tasks = f.kit.tasks();
        this.brand = projects.create(f.bob, acme, project("Brand refresh", Visibility.CLIENT));
        this.design = tasks.createList(f.bob, acme, new NewTaskList(Optional.of(brand.id()), "Design", Visibility.CLIENT));
        f.events.clear();
    }

    static ProjectWorld create() {
        return new ProjectWorld(Fixture.create());
    }

    static ProjectWorld on(Fixture fixture) {
        return new ProjectWorld(fixture);
    }

    NewProject project(String name, Visibility visibility) {
        return new NewProject(name, "", visibility, Optional.of(LocalDate.of(2025, 3, 1)),
                Optional.of(LocalDate.of(2025, 6, 30)), f.bob.userId());
    }

    static NewTask clientTask(String title, Optional<UserId> assignee) {
        return new NewTask(title, "", TaskSide.CLIENT, assignee, Optional.empty(), Visibility.CLIENT);
    }

    static NewTask teamTask(String title, Visibility visibility) {
        return new NewTask(title, "", TaskSide.TEAM, Optional.empty(), Optional.empty(), visibility);
    }

    Task add(TaskList list, NewTask task) {
        return tasks.addTask(f.bob, acme, list.id(), task);
    }

    /** Every task of the list the actor sees, page by page. */
    List<Task> all(Actor actor, TaskList list, int pageSize) {
        List<Task> all = new ArrayList<>();
        PageRequest page = PageRequest.first(pageSize);
        while (true) {
            var result = tasks.tasks(actor, acme, list.id(), page);
            all.addAll(result.items());
            if (result.nextCursor().isEmpty()) {
                return all;
            }
            page = PageRequest.after(result.nextCursor().get(), pageSize);
        }
    }

    List<String> titles(Actor actor, TaskList list) {
        return all(actor, list, 500).stream().map(Task::title).toList();
    }
}
