package io.clientworkspace.template;

import io.clientworkspace.FieldError;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.TaskSide;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a template's key, name and content without touching a store: every problem at once, as field errors with
 * paths such as {@code projects[0].milestones[2].dueOffsetDays}. Text is kept as given: required text must not be
 * blank, and no text may hold control characters, except line breaks and tabs in multi-line fields (descriptions,
 * notes, the welcome message). What needs the stores (library forms, the team roster) the service checks.
 */
final class TemplateChecks {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_NOTES = 10_000;
    static final int MAX_WELCOME = 10_000;
    static final int MAX_OFFSET = 3_650;
    static final int MAX_FOLDERS = 200;
    static final int MAX_FOLDER_DEPTH = 10;
    static final int MAX_PROJECTS = 20;
    static final int MAX_MILESTONES = 100;
    static final int MAX_TASK_LISTS = 50;
    static final int MAX_TASKS = 1_000;
    static final int MAX_CHECKLIST = 100;
    static final int MAX_FORMS = 20;
    static final int MAX_TEAM = 50;

    private static final int MAX_SEGMENT_BYTES = 255;
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private TemplateChecks() {
    }

    /** Problems of a template's key. */
    static void key(String key, List<FieldError> errors) {
        if (!KEY.matcher(key).matches()) {
            errors.add(FieldError.of("key", "must match " + KEY.pattern()));
        }
    }

    /** Problems of a template's name. */
    static void name(String name, List<FieldError> errors) {
        line("name", name, MAX_NAME, errors);
    }

    /** Every problem of the content that can be found without the stores. */
    static List<FieldError> content(TemplateContent content) {
        List<FieldError> errors = new ArrayList<>();
        folders(content.folders(), errors);
        projects(content.projects(), errors);
        forms(content.forms(), errors);
        content.welcomeMessage().ifPresent(m -> multiLine("welcomeMessage", m, 1, MAX_WELCOME, errors));
        team(content.team(), content.lead(), errors);
        checklist(content.checklist(), errors);
        return errors;
    }

    private static void folders(List<FolderSpec> folders, List<FieldError> errors) {
        if (folders.size() > MAX_FOLDERS) {
            errors.add(FieldError.of("folders", "at most " + MAX_FOLDERS + " folders"));
            return;
        }
        Map<String, Visibility> byPath = new HashMap<>();
        List<Boolean> valid = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            String field = "folders[" + i + "].path";
            String path = folders.get(i).path();
            Optional<String> problem = pathProblem(path);
            problem.ifPresent(p -> errors.add(FieldError.of(field, p)));
            valid.add(problem.isEmpty());
            if (problem.isEmpty() && byPath.putIfAbsent(path, folders.get(i).visibility()) != null) {
                errors.add(FieldError.of(field, "'" + path + "' is listed twice"));
            }
        }
        for (int i = 0; i < folders.size(); i++) {
            if (!valid.get(i)) {
                continue;
            }
            String path = folders.get(i).path();
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            String parent = path.substring(0, slash);
            Visibility parentVisibility = byPath.get(parent);
            if (parentVisibility == null) {
                errors.add(FieldError.of("folders[" + i + "].path", "its parent folder '" + parent
                        + "' is not in the template; list it too"));
            } else if (parentVisibility == Visibility.TEAM && folders.get(i).visibility() == Visibility.CLIENT) {
                errors.add(FieldError.of("folders[" + i + "].visibility",
                        "a client-visible folder cannot be inside the internal folder '" + parent + "'"));
            }
        }
    }

    /** Why a folder path is unusable, if it is: every segment must be a name the files feature keeps unchanged. */
    static Optional<String> pathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (path.length() > 4096) {
            return Optional.of("is far too long");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("must separate folders with '/', not '\\'");
        }
        if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            return Optional.of("must not start or end with '/' or hold an empty folder name");
        }
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_FOLDER_DEPTH) {
            return Optional.of("at most " + MAX_FOLDER_DEPTH + " folders deep");
        }
        for (String segment : segments) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("must not hold '.' or '..'");
            }
            if (segment.codePoints().anyMatch(TemplateChecks::isUnsafeInName)) {
                return Optional.of("must not hold control or text-direction characters");
            }
            if (segment.isBlank() || !segment.equals(segment.strip())) {
                return Optional.of("folder names must not be blank or start or end with spaces");
            }
            if (segment.endsWith(".")) {
                return Optional.of("folder names must not end with '.'");
            }
            if (!Normalizer.isNormalized(segment, Normalizer.Form.NFC)) {
                return Optional.of("folder names must be in Unicode normal form C");
            }
            String base = segment.contains(".") ? segment.substring(0, segment.indexOf('.')) : segment;
            if (DEVICE_NAMES.contains(base.toUpperCase(Locale.ROOT))) {
                return Optional.of("'" + segment + "' is a reserved device name");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return Optional.of("folder names must be at most " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
        return Optional.empty();
    }

    private static boolean isUnsafeInName(int cp) {
        return Character.isISOControl(cp)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C
                || cp == 0xFEFF || cp == 0x200B;
    }

    private static void projects(List<ProjectSpec> projects, List<FieldError> errors) {
        if (projects.size() > MAX_PROJECTS) {
            errors.add(FieldError.of("projects", "at most " + MAX_PROJECTS + " projects"));
            return;
        }
        int tasks = 0;
        for (int p = 0; p < projects.size(); p++) {
            ProjectSpec project = projects.get(p);
            String at = "projects[" + p + "]";
            line(at + ".name", project.name(), MAX_NAME, errors);
            multiLine(at + ".description", project.description(), 0, MAX_DESCRIPTION, errors);
            boolean startValid = offset(at + ".startOffsetDays", project.startOffsetDays(), errors);
            int start = project.startOffsetDays();
            project.targetOffsetDays().ifPresent(target -> {
                if (offset(at + ".targetOffsetDays", target, errors) && startValid && target < start) {
                    errors.add(FieldError.of(at + ".targetOffsetDays", "must not be before the project's start"));
                }
            });
            if (project.milestones().size() > MAX_MILESTONES) {
                errors.add(FieldError.of(at + ".milestones", "at most " + MAX_MILESTONES + " milestones per project"));
            } else {
                for (int m = 0; m < project.milestones().size(); m++) {
                    MilestoneSpec milestone = project.milestones().get(m);
                    String mat = at + ".milestones[" + m + "]";
                    line(mat + ".title", milestone.title(), MAX_TITLE, errors);
                    dueOffset(mat + ".dueOffsetDays", milestone.dueOffsetDays(), startValid, start, errors);
                }
            }
            if (project.taskLists().size() > MAX_TASK_LISTS) {
                errors.add(FieldError.of(at + ".taskLists", "at most " + MAX_TASK_LISTS + " task lists per project"));
                continue;
            }
            for (int l = 0; l < project.taskLists().size(); l++) {
                TaskListSpec list = project.taskLists().get(l);
                String lat = at + ".taskLists[" + l + "]";
                line(lat + ".name", list.name(), MAX_NAME, errors);
                boolean listInternal = project.visibility() == Visibility.TEAM || list.visibility() == Visibility.TEAM;
                tasks += list.tasks().size();
                if (tasks > MAX_TASKS) {
                    continue;
                }
                for (int t = 0; t < list.tasks().size(); t++) {
                    TaskSpec task = list.tasks().get(t);
                    String tat = lat + ".tasks[" + t + "]";
                    line(tat + ".title", task.title(), MAX_TITLE, errors);
                    multiLine(tat + ".notes", task.notes(), 0, MAX_NOTES, errors);
                    task.dueOffsetDays().ifPresent(d -> dueOffset(tat + ".dueOffsetDays", d, startValid, start, errors));
                    boolean internal = listInternal || task.visibility() == Visibility.TEAM;
                    if (internal && task.side() != TaskSide.TEAM) {
                        errors.add(FieldError.of(tat + ".side",
                                "an internal task (or a task of an internal list or project) must be a TEAM task"));
                    }
                }
            }
        }
        if (tasks > MAX_TASKS) {
            errors.add(FieldError.of("projects", "at most " + MAX_TASKS + " tasks in all"));
        }
    }

    private static void forms(List<FormAssignmentSpec> forms, List<FieldError> errors) {
        if (forms.size() > MAX_FORMS) {
            errors.add(FieldError.of("forms", "at most " + MAX_FORMS + " forms"));
            return;
        }
        for (int i = 0; i < forms.size(); i++) {
            FormAssignmentSpec form = forms.get(i);
            String at = "forms[" + i + "]";
            if (form.version() < 1) {
                errors.add(FieldError.of(at + ".version", "must be at least 1"));
            }
            line(at + ".title", form.title(), MAX_TITLE, errors);
            form.dueOffsetDays().ifPresent(d -> offset(at + ".dueOffsetDays", d, errors));
        }
    }

    private static void team(List<TeamMemberSpec> team, Optional<UserId> lead, List<FieldError> errors) {
        if (team.size() > MAX_TEAM) {
            errors.add(FieldError.of("team", "at most " + MAX_TEAM + " team members"));
            return;
        }
        Set<UserId> seen = new HashSet<>();
        lead.ifPresent(seen::add);
        for (int i = 0; i < team.size(); i++) {
            TeamMemberSpec member = team.get(i);
            if (member.role().isClientRole()) {
                errors.add(FieldError.of("team[" + i + "].role", "must be a team role (LEAD or MEMBER), not "
                        + member.role()));
            }
            if (!seen.add(member.userId())) {
                errors.add(FieldError.of("team[" + i + "].userId", lead.filter(member.userId()::equals).isPresent()
                        ? "'" + member.userId() + "' is the template's lead already"
                        : "'" + member.userId() + "' is listed twice"));
            }
        }
    }

    private static void checklist(List<ChecklistItemSpec> checklist, List<FieldError> errors) {
        if (checklist.size() > MAX_CHECKLIST) {
            errors.add(FieldError.of("checklist", "at most " + MAX_CHECKLIST + " checklist items"));
            return;
        }
        for (int i = 0; i < checklist.size(); i++) {
            ChecklistItemSpec item = checklist.get(i);
            String at = "checklist[" + i + "]";
            line(at + ".title", item.title(), MAX_TITLE, errors);
            multiLine(at + ".notes", item.notes(), 0, MAX_NOTES, errors);
            item.dueOffsetDays().ifPresent(d -> offset(at + ".dueOffsetDays", d, errors));
        }
    }

    private static void dueOffset(String field, int due, boolean startValid, int start, List<FieldError> errors) {
        if (offset(field, due, errors) && startValid && due < start) {
            errors.add(FieldError.of(field, "must not be before the project's start (day " + start + ")"));
        }
    }

    private static boolean offset(String field, int days, List<FieldError> errors) {
        if (days < 0 || days > MAX_OFFSET) {
            errors.add(FieldError.of(field, "must be between 0 and " + MAX_OFFSET + " days"));
            return false;
        }
        return true;
    }

    /** One-line required text: not blank, at most {@code max} characters, no control characters. */
    static void line(String field, String value, int max, List<FieldError> errors) {
        if (value.isBlank()) {
            errors.add(FieldError.of(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "size must be between 1 and " + max));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.of(field, "must not contain control characters"));
        }
    }

    /** Multi-line text: {@code min} (0 or 1: not blank) to {@code max} characters, no control characters but \n and \t. */
    static void multiLine(String field, String value, int min, int max, List<FieldError> errors) {
        if (min > 0 && value.isBlank()) {
            errors.add(FieldError.of(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "size must be between " + min + " and " + max));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(FieldError.of(field, "must not contain control characters other than line breaks and tabs"));
        }
    }
}
