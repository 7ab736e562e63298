package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.FieldError;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Permission;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.ProjectDtos.AcknowledgementDto;
import io.clientworkspace.spring.web.ProjectDtos.ContractSignedRequest;
import io.clientworkspace.spring.web.ProjectDtos.CreateMilestoneRequest;
import io.clientworkspace.spring.web.ProjectDtos.CreateProjectRequest;
import io.clientworkspace.spring.web.ProjectDtos.ExpectedVersionRequest;
import io.clientworkspace.spring.web.ProjectDtos.HealthRequest;
import io.clientworkspace.spring.web.ProjectDtos.LinkApprovalRequest;
import io.clientworkspace.spring.web.ProjectDtos.MilestoneDto;
import io.clientworkspace.spring.web.ProjectDtos.OnboardingDto;
import io.clientworkspace.spring.web.ProjectDtos.PostStatusRequest;
import io.clientworkspace.spring.web.ProjectDtos.ProjectDto;
import io.clientworkspace.spring.web.ProjectDtos.StatusUpdateDto;
import io.clientworkspace.spring.web.ProjectDtos.UpdateMilestoneRequest;
import io.clientworkspace.spring.web.ProjectDtos.UpdateProjectRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Projects of a workspace ({@code kit.projects()}): projects (keyset pages, read with ETag, the team's changes and
 * health), their milestones (delivery, the approval that signs one off), status updates (newest first, keyset
 * pages) with acknowledgements, and the workspace's onboarding (checklist progress for everyone who may see the
 * workspace; the time-to-onboard facts for the team only).
 *
 * <p>Internal projects (and their milestones and status updates) and internal status updates do not exist for
 * clients: by id they answer the 404 of an unknown id, and pages, cursors and counts hold only what the caller may
 * see. The caller is checked before the body is looked at. Changes need {@code MANAGE_PROJECTS} (403 without), except
 * acknowledging a status update (anyone who sees it); an archived workspace is read-only (409 {@code archived}).
 * Every change names the version it was made on: {@code expectedVersion} in the body or If-Match (400 on
 * {@code expectedVersion} with neither; a stale one is 409 {@code STALE_VERSION}, 412 when sent as If-Match).
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}")
public class ProjectApiController implements KitController {

    private final WorkspaceKit kit;

    public ProjectApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    private ProjectService projects() {
        return kit.projects();
    }

    // ------------------------------------------------------------------------------------------ projects

    /** The projects the caller may see, in creation order, keyset-paged. */
    @Operation(summary = "Projects the caller may see, in creation order (keyset pages)")
    @GetMapping("/projects")
    public PageDto<ProjectDto> list(Actor actor, @PathVariable String workspaceId,
                                    @RequestParam(required = false) @Nullable String cursor,
                                    @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(projects().list(actor, WorkspaceId.of(workspaceId), WorkspaceApiController.page(cursor, limit)),
                ProjectDto::of);
    }

    /** Creates a project (health ON_TRACK); 201 with it and its ETag. */
    @Operation(summary = "Create a project (MANAGE_PROJECTS)")
    @PostMapping("/projects")
    public ResponseEntity<ProjectDto> create(Actor actor, @PathVariable String workspaceId,
                                             @RequestBody CreateProjectRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.access().require(actor, ws, Permission.MANAGE_PROJECTS, "manage projects");
        Fields f = new Fields();
        String name = f.get(() -> Inputs.required(body.name(), "name"), "");
        Visibility visibility = f.get(() -> visibility(body.visibility()), Visibility.CLIENT);
        Optional<java.time.LocalDate> start = f.get(() -> RequestDtos.date(body.startDate(), "startDate"), Optional.empty());
        Optional<java.time.LocalDate> target = f.get(() -> RequestDtos.date(body.targetDate(), "targetDate"),
                Optional.empty());
        UserId owner = f.get(() -> body.owner() == null ? actor.userId() : ProjectDtos.user(body.owner(), "owner"),
                actor.userId());
        f.throwIfAny();
        Project created = projects().create(actor, ws, new NewProject(name,
                body.description() == null ? "" : body.description(), visibility, start, target, owner));
        return created(location("/projects/", created.id().value()), created.version(), ProjectDto.of(created));
    }

    /** One project, with its version as ETag. */
    @Operation(summary = "One project (ETag)")
    @GetMapping("/projects/{projectId}")
    public ResponseEntity<ProjectDto> get(Actor actor, @PathVariable String workspaceId, @PathVariable String projectId) {
        return withETag(projects().get(actor, WorkspaceId.of(workspaceId), ProjectId.of(projectId)));
    }

    /**
     * Changes the project's details: every field optional (absent ones stay), {@code startDate}/{@code targetDate}
     * null clears them. Health is changed with {@code PUT .../health}.
     */
    @Operation(summary = "Change a project's details (team; expectedVersion or If-Match)")
    @PatchMapping("/projects/{projectId}")
    public ResponseEntity<ProjectDto> update(Actor actor, @PathVariable String workspaceId, @PathVariable String projectId,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                             @RequestBody UpdateProjectRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ProjectId id = ProjectId.of(projectId);
        Project current = projects().get(actor, ws, id);
        Fields f = new Fields();
        Visibility visibility = f.get(() -> body.visibility() == null ? current.visibility()
                : visibility(body.visibility()), current.visibility());
        Optional<java.time.LocalDate> start = f.get(() -> ProjectDtos.patchedDate(body.startDate(), current.startDate(),
                "startDate"), current.startDate());
        Optional<java.time.LocalDate> target = f.get(() -> ProjectDtos.patchedDate(body.targetDate(),
                current.targetDate(), "targetDate"), current.targetDate());
        UserId owner = f.get(() -> body.owner() == null ? current.owner() : ProjectDtos.user(body.owner(), "owner"),
                current.owner());
        long expected = f.get(() -> ProjectDtos.expected(body.expectedVersion(), ifMatch), 0L);
        f.throwIfAny();
        NewProject details = new NewProject(body.name() == null ? current.name() : body.name(),
                body.description() == null ? current.description() : body.description(), visibility, start, target,
                owner);
        return withETag(projects().update(actor, ws, id, details, expected));
    }

    /** Sets the project's health explicitly (ON_TRACK, AT_RISK, OFF_TRACK, ON_HOLD, COMPLETED). */
    @Operation(summary = "Set a project's health (team; expectedVersion or If-Match)")
    @PutMapping("/projects/{projectId}/health")
    public ResponseEntity<ProjectDto> setHealth(Actor actor, @PathVariable String workspaceId,
                                                @PathVariable String projectId,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                @RequestBody HealthRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ProjectId id = ProjectId.of(projectId);
        projects().get(actor, ws, id);
        Fields f = new Fields();
        ProjectHealth health = f.get(() -> Inputs.enumValue(body.health(), ProjectHealth.class, "health"),
                ProjectHealth.ON_TRACK);
        long expected = f.get(() -> ProjectDtos.expected(body.expectedVersion(), ifMatch), 0L);
        f.throwIfAny();
        return withETag(projects().setHealth(actor, ws, id, health, expected));
    }

    // ------------------------------------------------------------------------------------------ milestones

    /** The project's milestones by due date (undated last), at most 200. */
    @Operation(summary = "A project's milestones by due date (undated last)")
    @GetMapping("/projects/{projectId}/milestones")
    public PageDto<MilestoneDto> milestones(Actor actor, @PathVariable String workspaceId,
                                            @PathVariable String projectId) {
        return new PageDto<>(projects().milestones(actor, WorkspaceId.of(workspaceId), ProjectId.of(projectId)).stream()
                .map(MilestoneDto::of).toList(), null);
    }

    /** Adds a milestone to the project; 201 with it. */
    @Operation(summary = "Add a milestone to a project (team)")
    @PostMapping("/projects/{projectId}/milestones")
    public ResponseEntity<MilestoneDto> addMilestone(Actor actor, @PathVariable String workspaceId,
                                                     @PathVariable String projectId,
                                                     @RequestBody CreateMilestoneRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ProjectId id = ProjectId.of(projectId);
        projects().get(actor, ws, id);
        Fields f = new Fields();
        String title = f.get(() -> Inputs.required(body.title(), "title"), "");
        Optional<java.time.LocalDate> due = f.get(() -> RequestDtos.date(body.dueDate(), "dueDate"), Optional.empty());
        f.throwIfAny();
        Milestone added = projects().addMilestone(actor, ws, id, new NewMilestone(title, due,
                Boolean.TRUE.equals(body.requiresApproval())));
        return created(location("/milestones/", added.id().value()), added.version(), MilestoneDto.of(added));
    }

    /** One milestone, with its version as ETag. */
    @Operation(summary = "One milestone (ETag)")
    @GetMapping("/milestones/{milestoneId}")
    public ResponseEntity<MilestoneDto> milestone(Actor actor, @PathVariable String workspaceId,
                                                  @PathVariable String milestoneId) {
        return withETag(projects().getMilestone(actor, WorkspaceId.of(workspaceId), MilestoneId.of(milestoneId)));
    }

    /** Changes a milestone: absent fields stay, {@code dueDate} null clears it. */
    @Operation(summary = "Change a milestone's title, due date, approval requirement (team; expectedVersion)")
    @PatchMapping("/milestones/{milestoneId}")
    public ResponseEntity<MilestoneDto> updateMilestone(Actor actor, @PathVariable String workspaceId,
                                                        @PathVariable String milestoneId,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                        @RequestBody UpdateMilestoneRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MilestoneId id = MilestoneId.of(milestoneId);
        Milestone current = projects().getMilestone(actor, ws, id);
        Fields f = new Fields();
        Optional<java.time.LocalDate> due = f.get(() -> ProjectDtos.patchedDate(body.dueDate(), current.dueDate(),
                "dueDate"), current.dueDate());
        long expected = f.get(() -> ProjectDtos.expected(body.expectedVersion(), ifMatch), 0L);
        f.throwIfAny();
        NewMilestone details = new NewMilestone(body.title() == null ? current.title() : body.title(), due,
                body.requiresApproval() == null ? current.requiresApproval() : body.requiresApproval());
        return withETag(projects().updateMilestone(actor, ws, id, details, expected));
    }

    /** Links the approval that signs the milestone off ({@code approval}: an approval id), or unlinks it (null). */
    @Operation(summary = "Link (or unlink) the approval that signs a milestone off (team; expectedVersion)")
    @PutMapping("/milestones/{milestoneId}/approval")
    public ResponseEntity<MilestoneDto> linkApproval(Actor actor, @PathVariable String workspaceId,
                                                     @PathVariable String milestoneId,
                                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                     @RequestBody LinkApprovalRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MilestoneId id = MilestoneId.of(milestoneId);
        projects().getMilestone(actor, ws, id);
        Fields f = new Fields();
        Optional<ApprovalId> approval = f.get(() -> approvalId(body.approval()), Optional.empty());
        long expected = f.get(() -> ProjectDtos.expected(body.expectedVersion(), ifMatch), 0L);
        f.throwIfAny();
        return withETag(projects().linkApproval(actor, ws, id, approval, expected));
    }

    /**
     * Marks the milestone delivered (now, by the caller); 409 {@code INVALID_STATE} when it requires an approved
     * deliverable that is not approved, or is delivered already.
     */
    @Operation(summary = "Mark a milestone delivered (team; expectedVersion or If-Match)")
    @PostMapping("/milestones/{milestoneId}/delivery")
    public ResponseEntity<MilestoneDto> deliver(Actor actor, @PathVariable String workspaceId,
                                                @PathVariable String milestoneId,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                @RequestBody(required = false) @Nullable ExpectedVersionRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MilestoneId id = MilestoneId.of(milestoneId);
        projects().getMilestone(actor, ws, id);
        long expected = ProjectDtos.expected(body == null ? null : body.expectedVersion(), ifMatch);
        return withETag(projects().deliver(actor, ws, id, expected));
    }

    /** Undoes a milestone's delivery (the onboarding fact stays). */
    @Operation(summary = "Undo a milestone's delivery (team; expectedVersion or If-Match)")
    @DeleteMapping("/milestones/{milestoneId}/delivery")
    public ResponseEntity<MilestoneDto> undeliver(Actor actor, @PathVariable String workspaceId,
                                                  @PathVariable String milestoneId,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                  @RequestBody(required = false) @Nullable ExpectedVersionRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        MilestoneId id = MilestoneId.of(milestoneId);
        projects().getMilestone(actor, ws, id);
        long expected = ProjectDtos.expected(body == null ? null : body.expectedVersion(), ifMatch);
        return withETag(projects().undeliver(actor, ws, id, expected));
    }

    // ------------------------------------------------------------------------------------------ status updates

    /** The project's status updates the caller may see, newest first, keyset-paged. */
    @Operation(summary = "A project's status updates, newest first (keyset pages)")
    @GetMapping("/projects/{projectId}/status-updates")
    public PageDto<StatusUpdateDto> statusUpdates(Actor actor, @PathVariable String workspaceId,
                                                  @PathVariable String projectId,
                                                  @RequestParam(required = false) @Nullable String cursor,
                                                  @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(projects().statusUpdates(actor, WorkspaceId.of(workspaceId), ProjectId.of(projectId),
                WorkspaceApiController.page(cursor, limit)), StatusUpdateDto::of);
    }

    /**
     * Posts a status update; 201 with it. A client-visible one sets the project's health to its own, an internal one
     * ({@code visibility: TEAM}) leaves it.
     */
    @Operation(summary = "Post a status update (team; a client-visible one sets the project's health)")
    @PostMapping("/projects/{projectId}/status-updates")
    public ResponseEntity<StatusUpdateDto> postStatus(Actor actor, @PathVariable String workspaceId,
                                                      @PathVariable String projectId,
                                                      @RequestBody PostStatusRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ProjectId id = ProjectId.of(projectId);
        projects().get(actor, ws, id);
        Fields f = new Fields();
        ProjectHealth health = f.get(() -> Inputs.enumValue(body.health(), ProjectHealth.class, "health"),
                ProjectHealth.ON_TRACK);
        String summary = f.get(() -> Inputs.required(body.summary(), "summary"), "");
        Visibility visibility = f.get(() -> visibility(body.visibility()), Visibility.CLIENT);
        f.throwIfAny();
        StatusUpdate posted = projects().postStatus(actor, ws, id, new NewStatusUpdate(health, summary,
                orEmpty(body.done()), orEmpty(body.next()), orEmpty(body.risks()), visibility));
        return created(location("/status-updates/", posted.id().value()), posted.version(),
                StatusUpdateDto.of(posted));
    }

    /** One status update, with its version as ETag. */
    @Operation(summary = "One status update (ETag)")
    @GetMapping("/status-updates/{statusUpdateId}")
    public ResponseEntity<StatusUpdateDto> statusUpdate(Actor actor, @PathVariable String workspaceId,
                                                        @PathVariable String statusUpdateId) {
        StatusUpdate update = projects().getStatusUpdate(actor, WorkspaceId.of(workspaceId),
                StatusUpdateId.of(statusUpdateId));
        return ResponseEntity.ok().eTag(Inputs.etag(update.version())).body(StatusUpdateDto.of(update));
    }

    /** Who acknowledged the status update, oldest first (at most 1,000). */
    @Operation(summary = "Who acknowledged a status update, oldest first")
    @GetMapping("/status-updates/{statusUpdateId}/acknowledgements")
    public PageDto<AcknowledgementDto> acknowledgements(Actor actor, @PathVariable String workspaceId,
                                                        @PathVariable String statusUpdateId) {
        return new PageDto<>(projects().acknowledgements(actor, WorkspaceId.of(workspaceId),
                StatusUpdateId.of(statusUpdateId)).stream().map(AcknowledgementDto::of).toList(), null);
    }

    /**
     * Records that the caller saw the status update ("seen by Carol on ..."): anyone who sees it; idempotent (the
     * first time is kept and returned). No body.
     */
    @Operation(summary = "Acknowledge a status update (anyone who sees it; idempotent)")
    @PostMapping("/status-updates/{statusUpdateId}/acknowledgements")
    public AcknowledgementDto acknowledge(Actor actor, @PathVariable String workspaceId,
                                          @PathVariable String statusUpdateId) {
        return AcknowledgementDto.of(projects().acknowledge(actor, WorkspaceId.of(workspaceId),
                StatusUpdateId.of(statusUpdateId)));
    }

    // ------------------------------------------------------------------------------------------ onboarding

    /**
     * The workspace's onboarding: the checklist's list id and progress for everyone who may see the workspace (a read
     * never creates the checklist: {@code checklistId} is null and the progress 0 of 0 until a team member adds its
     * first item), and the time-to-onboard facts for the team only.
     */
    @Operation(summary = "Onboarding: checklist and progress; time-to-onboard facts for the team")
    @GetMapping("/onboarding")
    public OnboardingDto onboarding(Actor actor, @PathVariable String workspaceId) {
        return onboardingOf(actor, WorkspaceId.of(workspaceId));
    }

    /** Records (or corrects) when the workspace's contract was signed: the workspace's lead or a tenant admin. */
    @Operation(summary = "Record when the contract was signed (lead or tenant admin)")
    @PutMapping("/onboarding/contract-signed")
    public OnboardingDto contractSigned(Actor actor, @PathVariable String workspaceId,
                                        @RequestBody ContractSignedRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.access().visible(actor, ws);
        projects().recordContractSigned(actor, ws, Inputs.required(body.signedAt(), "signedAt"));
        return onboardingOf(actor, ws);
    }

    private OnboardingDto onboardingOf(Actor actor, WorkspaceId ws) {
        kit.access().visible(actor, ws);
        // A read never creates the checklist: until a team member adds its first item there is none (null, 0 of 0).
        Optional<TaskListId> checklist = kit.tasks().findOnboardingChecklist(actor, ws).map(TaskList::id);
        ChecklistProgress progress = kit.tasks().checklistProgress(actor, ws);
        Optional<OnboardingFacts> facts = kit.access().grant(actor, ws).allows(Permission.VIEW_INTERNAL)
                ? Optional.of(projects().onboarding(actor, ws)) : Optional.empty();
        return OnboardingDto.of(ws.value(), checklist, progress, facts);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static Visibility visibility(@Nullable String value) {
        return value == null ? Visibility.CLIENT : Inputs.enumValue(value, Visibility.class, "visibility");
    }

    private static Optional<ApprovalId> approvalId(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ApprovalId.of(value));
        } catch (ValidationException e) {
            throw new ValidationException(FieldError.of("approval", "no such approval"));
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** A URI of a resource of this workspace: the request's path up to {@code /workspaces/{id}}, then {@code rest}. */
    static URI location(String collection, String id) {
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        String base = path == null ? "" : path;
        int at = base.indexOf("/workspaces/");
        int end = at < 0 ? -1 : base.indexOf('/', at + "/workspaces/".length());
        String workspace = end < 0 ? base : base.substring(0, end);
        return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                .replacePath(workspace + collection + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8))
                .build(true).toUri();
    }

    static <T> ResponseEntity<T> created(URI location, long version, T body) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location).eTag(Inputs.etag(version)).body(body);
    }

    private static ResponseEntity<ProjectDto> withETag(Project p) {
        return ResponseEntity.ok().eTag(Inputs.etag(p.version())).body(ProjectDto.of(p));
    }

    private static ResponseEntity<MilestoneDto> withETag(Milestone m) {
        return ResponseEntity.ok().eTag(Inputs.etag(m.version())).body(MilestoneDto.of(m));
    }

    /** Collects the field errors of a body, so that every invalid field is reported at once. */
    static final class Fields {
        private final List<FieldError> errors = new ArrayList<>();

        /** The parsed value, or {@code fallback} after recording its field errors. */
        <T> T get(Supplier<T> parse, T fallback) {
            try {
                return parse.get();
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
                return fallback;
            }
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
