package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.FieldError;
import io.clientworkspace.FormId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import io.clientworkspace.spring.web.WorkspaceDtos.BrandingDto;
import io.clientworkspace.template.ChecklistItemSpec;
import io.clientworkspace.template.FolderSpec;
import io.clientworkspace.template.FormAssignmentSpec;
import io.clientworkspace.template.MilestoneSpec;
import io.clientworkspace.template.ProjectSpec;
import io.clientworkspace.template.TaskListSpec;
import io.clientworkspace.template.TaskSpec;
import io.clientworkspace.template.TeamMemberSpec;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.WorkspaceOrigin;
import io.clientworkspace.template.WorkspaceTemplate;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON shapes of workspace templates. The content has the same shape in requests and responses:
 *
 * <pre>{@code
 * {"folders": [{"path": "Brand/Logos", "visibility": "CLIENT"}],
 *  "projects": [{"name": "Monthly retainer", "description": "", "visibility": "CLIENT", "startOffsetDays": 0,
 *                "targetOffsetDays": 30,
 *                "milestones": [{"title": "Kick-off", "dueOffsetDays": 14, "requiresApproval": false}],
 *                "taskLists": [{"name": "Launch", "visibility": "CLIENT",
 *                               "tasks": [{"title": "Upload your logo", "notes": "", "side": "CLIENT",
 *                                          "dueOffsetDays": 7, "visibility": "CLIENT"}]}]}],
 *  "forms": [{"formId": "...", "version": 1, "title": "Brand questionnaire", "dueOffsetDays": 10}],
 *  "welcomeMessage": "Welcome!", "team": [{"userId": "bob", "role": "MEMBER"}], "lead": "alice",
 *  "checklist": [{"title": "Invite your team", "notes": "", "dueOffsetDays": 7}]}
 * }</pre>
 *
 * <p>In requests every list may be left out (empty), {@code description} and {@code notes} default to empty,
 * {@code visibility} to CLIENT, {@code side} to TEAM, {@code requiresApproval} to false; optional offsets, the
 * welcome message and the lead are null or absent when not set. A missing required value or an unknown enum value is
 * a 400 naming its path ({@code projects[0].milestones[2].dueOffsetDays}); the kit then checks every rule of the
 * content at once (offsets 0 to 3,650, dues not before their project's start, bounds, folder paths, form versions).
 */
public final class TemplateDtos {

    private TemplateDtos() {
    }

    // ------------------------------------------------------------------------------------------ content

    /** A folder every workspace made from the template gets ({@code path} like {@code Deliverables/Final}). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FolderSpecDto(@Nullable String path, @Nullable String visibility) implements RejectsUnknownFields {
        static FolderSpecDto of(FolderSpec f) {
            return new FolderSpecDto(f.path(), f.visibility().name());
        }
    }

    /** A milestone of a template project, due {@code dueOffsetDays} after the start date. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record MilestoneSpecDto(@Nullable String title, @Nullable Integer dueOffsetDays,
                                   @Nullable Boolean requiresApproval) implements RejectsUnknownFields {
        static MilestoneSpecDto of(MilestoneSpec m) {
            return new MilestoneSpecDto(m.title(), m.dueOffsetDays(), m.requiresApproval());
        }
    }

    /** A task of a template task list; {@code side} TEAM or CLIENT (which side should act). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record TaskSpecDto(@Nullable String title, @Nullable String notes, @Nullable String side,
                              @Nullable Integer dueOffsetDays, @Nullable String visibility)
            implements RejectsUnknownFields {
        static TaskSpecDto of(TaskSpec t) {
            return new TaskSpecDto(t.title(), t.notes(), t.side().name(), t.dueOffsetDays().orElse(null),
                    t.visibility().name());
        }
    }

    /** A task list of a template project. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record TaskListSpecDto(@Nullable String name, @Nullable String visibility, @Nullable List<TaskSpecDto> tasks)
            implements RejectsUnknownFields {
        static TaskListSpecDto of(TaskListSpec l) {
            return new TaskListSpecDto(l.name(), l.visibility().name(), l.tasks().stream().map(TaskSpecDto::of).toList());
        }
    }

    /** A project every workspace made from the template gets. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ProjectSpecDto(@Nullable String name, @Nullable String description, @Nullable String visibility,
                                 @Nullable Integer startOffsetDays, @Nullable Integer targetOffsetDays,
                                 @Nullable List<MilestoneSpecDto> milestones, @Nullable List<TaskListSpecDto> taskLists)
            implements RejectsUnknownFields {
        static ProjectSpecDto of(ProjectSpec p) {
            return new ProjectSpecDto(p.name(), p.description(), p.visibility().name(), p.startOffsetDays(),
                    p.targetOffsetDays().orElse(null), p.milestones().stream().map(MilestoneSpecDto::of).toList(),
                    p.taskLists().stream().map(TaskListSpecDto::of).toList());
        }
    }

    /** A library form version assigned to every workspace made from the template. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FormAssignmentSpecDto(@Nullable String formId, @Nullable Integer version, @Nullable String title,
                                        @Nullable Integer dueOffsetDays) implements RejectsUnknownFields {
        static FormAssignmentSpecDto of(FormAssignmentSpec f) {
            return new FormAssignmentSpecDto(f.formId().value(), f.version(), f.title(), f.dueOffsetDays().orElse(null));
        }
    }

    /** A default team member of the workspaces made from the template (a team role). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record TeamMemberSpecDto(@Nullable String userId, @Nullable String role) implements RejectsUnknownFields {
        static TeamMemberSpecDto of(TeamMemberSpec t) {
            return new TeamMemberSpecDto(t.userId().value(), t.role().name());
        }
    }

    /** An item of the onboarding checklist (a client-side task). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ChecklistItemSpecDto(@Nullable String title, @Nullable String notes, @Nullable Integer dueOffsetDays)
            implements RejectsUnknownFields {
        static ChecklistItemSpecDto of(ChecklistItemSpec c) {
            return new ChecklistItemSpecDto(c.title(), c.notes(), c.dueOffsetDays().orElse(null));
        }
    }

    /** What a workspace made from the template gets (see the class comment). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record TemplateContentDto(@Nullable List<FolderSpecDto> folders, @Nullable List<ProjectSpecDto> projects,
                                     @Nullable List<FormAssignmentSpecDto> forms, @Nullable String welcomeMessage,
                                     @Nullable List<TeamMemberSpecDto> team, @Nullable String lead,
                                     @Nullable List<ChecklistItemSpecDto> checklist) implements RejectsUnknownFields {
        static TemplateContentDto of(TemplateContent c) {
            return new TemplateContentDto(c.folders().stream().map(FolderSpecDto::of).toList(),
                    c.projects().stream().map(ProjectSpecDto::of).toList(),
                    c.forms().stream().map(FormAssignmentSpecDto::of).toList(), c.welcomeMessage().orElse(null),
                    c.team().stream().map(TeamMemberSpecDto::of).toList(), c.lead().map(UserId::value).orElse(null),
                    c.checklist().stream().map(ChecklistItemSpecDto::of).toList());
        }

        /** The content as the kit's value, every missing or mistyped part reported at once with its path. */
        TemplateContent toDomain(String at) {
            List<FieldError> errors = new ArrayList<>();
            TemplateContent content = toDomain(at, errors);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors.size() > FormDtos.MAX_ERRORS
                        ? errors.subList(0, FormDtos.MAX_ERRORS) : errors);
            }
            return content;
        }

        private TemplateContent toDomain(String at, List<FieldError> errors) {
            Parse p = new Parse(at, errors);
            List<FolderSpec> folderSpecs = p.list("folders", folders, (q, f) -> new FolderSpec(q.text("path", f.path()),
                    q.visibility(f.visibility())));
            List<ProjectSpec> projectSpecs = p.list("projects", projects, (q, pr) -> new ProjectSpec(
                    q.text("name", pr.name()), orEmpty(pr.description()), q.visibility(pr.visibility()),
                    q.number("startOffsetDays", pr.startOffsetDays()), Optional.ofNullable(pr.targetOffsetDays()),
                    q.list("milestones", pr.milestones(), (r, m) -> new MilestoneSpec(r.text("title", m.title()),
                            r.number("dueOffsetDays", m.dueOffsetDays()), Boolean.TRUE.equals(m.requiresApproval()))),
                    q.list("taskLists", pr.taskLists(), (r, l) -> new TaskListSpec(r.text("name", l.name()),
                            r.visibility(l.visibility()), r.list("tasks", l.tasks(), (s, t) -> new TaskSpec(
                                    s.text("title", t.title()), orEmpty(t.notes()),
                                    s.enumValue("side", t.side(), TaskSide.class, TaskSide.TEAM),
                                    Optional.ofNullable(t.dueOffsetDays()), s.visibility(t.visibility())))))));
            List<FormAssignmentSpec> formSpecs = p.list("forms", forms, (q, f) -> new FormAssignmentSpec(
                    q.formId(f.formId()), q.number("version", f.version()), q.text("title", f.title()),
                    Optional.ofNullable(f.dueOffsetDays())));
            List<TeamMemberSpec> teamSpecs = p.list("team", team, (q, t) -> new TeamMemberSpec(
                    q.userId("userId", t.userId()), q.enumValue("role", t.role(), WorkspaceRole.class, null)));
            Optional<UserId> leadId = lead == null ? Optional.empty() : Optional.of(p.userId("lead", lead));
            List<ChecklistItemSpec> items = p.list("checklist", checklist, (q, c) -> new ChecklistItemSpec(
                    q.text("title", c.title()), orEmpty(c.notes()), Optional.ofNullable(c.dueOffsetDays())));
            return new TemplateContent(folderSpecs, projectSpecs, formSpecs, Optional.ofNullable(welcomeMessage),
                    teamSpecs, leadId, items);
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /**
     * Reads one level of the content at a path ({@code projects[0].}): a missing or mistyped value adds a field error
     * and yields a placeholder, so that every problem is found in one pass and nothing half-read is ever used.
     */
    private record Parse(String at, List<FieldError> errors) {

        /** Placeholders of values that were reported; the content is thrown away when there are errors. */
        private static final FormId NO_FORM = FormId.of("invalid");
        private static final UserId NO_USER = UserId.of("invalid");

        <D, T> List<T> list(String field, @Nullable List<D> items, java.util.function.BiFunction<Parse, D, T> each) {
            if (items == null) {
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                D item = items.get(i);
                String path = at + field + "[" + i + "]";
                if (item == null) {
                    errors.add(FieldError.of(path, "must not be null"));
                    continue;
                }
                out.add(each.apply(new Parse(path + ".", errors), item));
            }
            return out;
        }

        String text(String field, @Nullable String value) {
            if (value == null) {
                errors.add(FieldError.of(at + field, "is required"));
                return "";
            }
            return value;
        }

        int number(String field, @Nullable Integer value) {
            if (value == null) {
                errors.add(FieldError.of(at + field, "is required"));
                return 0;
            }
            return value;
        }

        Visibility visibility(@Nullable String value) {
            return enumValue("visibility", value, Visibility.class, Visibility.CLIENT);
        }

        <E extends Enum<E>> E enumValue(String field, @Nullable String value, Class<E> type, @Nullable E fallback) {
            if (value == null && fallback != null) {
                return fallback;
            }
            try {
                return Inputs.enumValue(value, type, at + field);
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
                return type.getEnumConstants()[0];
            }
        }

        UserId userId(String field, @Nullable String value) {
            return id(field, value, UserId::of, NO_USER);
        }

        FormId formId(@Nullable String value) {
            return id("formId", value, FormId::of, NO_FORM);
        }

        private <I> I id(String field, @Nullable String value, Function<String, I> of, I placeholder) {
            if (value == null) {
                errors.add(FieldError.of(at + field, "is required"));
                return placeholder;
            }
            try {
                return of.apply(value);
            } catch (ValidationException e) {
                errors.add(FieldError.of(at + field, "is not a valid id"));
                return placeholder;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ templates

    /** One version of a template with its content. */
    public record TemplateDto(String id, String key, String name, int version, String status,
                              TemplateContentDto content, String createdBy, Instant createdAt) {
        static TemplateDto of(WorkspaceTemplate t) {
            return new TemplateDto(t.id().value(), t.key(), t.name(), t.version(), t.status().name(),
                    TemplateContentDto.of(t.content()), t.createdBy().value(), t.createdAt());
        }
    }

    /** One version of a template without its content, for lists. */
    public record TemplateSummaryDto(String id, String key, String name, int version, String status, String createdBy,
                                     Instant createdAt) {
        static TemplateSummaryDto of(WorkspaceTemplate t) {
            return new TemplateSummaryDto(t.id().value(), t.key(), t.name(), t.version(), t.status().name(),
                    t.createdBy().value(), t.createdAt());
        }
    }

    /** Which template version made a workspace, for which external reference (team only). */
    public record WorkspaceOriginDto(String workspaceId, String templateId, int templateVersion, String externalRef,
                                     Instant createdAt) {
        static WorkspaceOriginDto of(WorkspaceOrigin o) {
            return new WorkspaceOriginDto(o.workspaceId().value(), o.templateId().value(), o.templateVersion(),
                    o.externalRef(), o.createdAt());
        }
    }

    /** Body of {@code POST /tenant/templates}: version 1 of a template. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DefineTemplateRequest(@Nullable String key, @Nullable String name,
                                        @Nullable TemplateContentDto content) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /tenant/templates/{id}/versions}: the next version, from the latest one seen. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ReviseTemplateRequest(@Nullable String name, @Nullable TemplateContentDto content,
                                        @Nullable Integer expectedVersion) implements RejectsUnknownFields {
    }

    /** Body of {@code POST /tenant/templates/{id}/retire}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RetireTemplateRequest(@Nullable Integer expectedVersion) implements RejectsUnknownFields {
    }

    /**
     * Body of {@code POST /tenant/templates/{id}/workspaces}: {@code name}, {@code slug}, {@code externalRef} and
     * {@code startDate} (ISO date, day 0 of every offset) required; {@code contractSignedAt} (ISO instant),
     * {@code branding} and {@code templateVersion} (default: the latest) optional.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateFromTemplateRequest(@Nullable String name, @Nullable String slug, @Nullable String externalRef,
                                            @Nullable String startDate, @Nullable String contractSignedAt,
                                            @Nullable BrandingDto branding, @Nullable Integer templateVersion)
            implements RejectsUnknownFields {
    }
}
