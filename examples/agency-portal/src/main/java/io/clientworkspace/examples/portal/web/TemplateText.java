package io.clientworkspace.examples.portal.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.FormId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.template.ChecklistItemSpec;
import io.clientworkspace.template.FolderSpec;
import io.clientworkspace.template.FormAssignmentSpec;
import io.clientworkspace.template.MilestoneSpec;
import io.clientworkspace.template.ProjectSpec;
import io.clientworkspace.template.TaskListSpec;
import io.clientworkspace.template.TaskSpec;
import io.clientworkspace.template.TeamMemberSpec;
import io.clientworkspace.template.TemplateContent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The portal's line-based way of writing a workspace template: one part per line, {@code kind | text | settings...},
 * where a setting is a flag ({@code internal}, {@code approval}, {@code client}, {@code team}, {@code lead},
 * {@code member}) or {@code name=value} ({@code due=14}, {@code start=0}, {@code target=30}, {@code version=2},
 * {@code notes=...}, {@code description=...}). Offsets are days after the start date given when a workspace is made.
 *
 * <pre>
 * folder    | Brand                          (client-visible; add "| internal" for the team only)
 * project   | Monthly retainer | start=0 | target=30 | description=...
 * milestone | First month's deliverables | due=14 | approval
 * list      | Kick-off                       (belongs to the project above)
 * task      | Send the brand assets | client | due=5 | notes=...   (client or team acts; team by default)
 * checklist | Upload your logo | due=3 | notes=...
 * form      | brand-questionnaire | Brand questionnaire | due=7 | version=1   (the library form's key)
 * team      | bob | member
 * </pre>
 *
 * <p>The lead and the welcome message are fields of their own. In a value, {@code \|} is a bar, {@code \n} a line
 * break and {@code \\} a backslash. Blank lines and lines starting with {@code #} are ignored. Errors are reported by
 * line ({@code line 3}); the kit's own checks ({@code projects[0].milestones[1].dueOffsetDays}) are translated to the
 * line the part came from.
 */
final class TemplateText {

    /** Longest template text accepted (the kit bounds the parts further). */
    static final int MAX_LENGTH = 200_000;

    /** Who and what the text names: team members by login name, library forms by key. */
    interface Directory {
        /** The team member (on the tenant's roster) with this login name. */
        Optional<UserId> teamMember(String name);

        /** The login name of a user, for writing the text again. */
        String nameOf(UserId id);

        /** The library form with this key, in this version (the latest when empty). */
        Optional<FormRef> form(String key, OptionalInt version);

        /** The key of a library form, for writing the text again. */
        String keyOf(FormId id);
    }

    /** A library form version: its id, version and name. */
    record FormRef(FormId id, int version, String name) {
    }

    /** The content read from the text, the line each part came from (by the kit's path), and errors by line. */
    record Parsed(TemplateContent content, Map<String, Integer> lines, Map<String, String> errors) {
        /** The kit's field errors with each part's path ({@code projects[0].milestones[1]}) named by its line. */
        Map<String, String> translate(List<FieldError> kitErrors) {
            Map<String, String> out = new LinkedHashMap<>();
            for (FieldError e : kitErrors) {
                String key = e.field();
                String message = e.message();
                String best = null;
                for (String path : lines.keySet()) {
                    if ((e.field().equals(path) || e.field().startsWith(path + "."))
                            && (best == null || path.length() > best.length())) {
                        best = path;
                    }
                }
                if (best != null) {
                    key = "line " + lines.get(best);
                    String rest = e.field().substring(best.length());
                    message = (rest.isEmpty() ? "" : rest.substring(1) + " ") + e.message();
                }
                out.merge(key, message, (a, b) -> a + "; " + b);
            }
            return out;
        }
    }

    private TemplateText() {
    }

    /**
     * Reads the template's parts from {@code text}, its lead from {@code lead} (a login name, blank for none: the
     * creator leads) and its welcome message from {@code welcome} (blank for none).
     */
    static Parsed parse(String text, String lead, String welcome, Directory directory) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<FolderSpec> folders = new ArrayList<>();
        List<ProjectBuilder> projects = new ArrayList<>();
        List<ChecklistItemSpec> checklist = new ArrayList<>();
        List<FormAssignmentSpec> forms = new ArrayList<>();
        List<TeamMemberSpec> team = new ArrayList<>();
        if (text.length() > MAX_LENGTH) {
            errors.put("definition", "must be at most " + MAX_LENGTH + " characters");
        } else {
            String[] rows = text.split("\r?\n", -1);
            for (int i = 0; i < rows.length; i++) {
                String row = rows[i].strip();
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                int line = i + 1;
                try {
                    Line l = Line.of(row);
                    switch (l.kind) {
                        case "folder" -> {
                            l.allow(Set.of("internal"), Set.of());
                            lines.put("folders[" + folders.size() + "]", line);
                            folders.add(new FolderSpec(l.text, l.visibility()));
                        }
                        case "project" -> {
                            l.allow(Set.of("internal"), Set.of("start", "target", "description"));
                            lines.put("projects[" + projects.size() + "]", line);
                            projects.add(new ProjectBuilder(l.text, l.settings.getOrDefault("description", ""),
                                    l.visibility(), l.days("start").orElse(0), l.days("target")));
                        }
                        case "milestone" -> {
                            l.allow(Set.of("approval"), Set.of("due"));
                            ProjectBuilder p = last(projects, "a milestone belongs to a project: write a project line first");
                            int due = l.days("due").orElseThrow(() -> new IllegalArgumentException(
                                    "a milestone needs its due day: due=14"));
                            lines.put("projects[" + (projects.size() - 1) + "].milestones[" + p.milestones.size() + "]", line);
                            p.milestones.add(new MilestoneSpec(l.text, due, l.flags.contains("approval")));
                        }
                        case "list" -> {
                            l.allow(Set.of("internal"), Set.of());
                            ProjectBuilder p = last(projects, "a task list belongs to a project: write a project line first");
                            lines.put("projects[" + (projects.size() - 1) + "].taskLists[" + p.lists.size() + "]", line);
                            p.lists.add(new ListBuilder(l.text, l.visibility()));
                        }
                        case "task" -> {
                            l.allow(Set.of("internal", "client", "team"), Set.of("due", "notes"));
                            ProjectBuilder p = last(projects, "a task belongs to a task list: write a list line first");
                            ListBuilder list = last(p.lists, "a task belongs to a task list: write a list line first");
                            if (l.flags.contains("client") && l.flags.contains("team")) {
                                throw new IllegalArgumentException("a task is for the client or for the team, not both");
                            }
                            lines.put("projects[" + (projects.size() - 1) + "].taskLists[" + (p.lists.size() - 1)
                                    + "].tasks[" + list.tasks.size() + "]", line);
                            list.tasks.add(new TaskSpec(l.text, l.settings.getOrDefault("notes", ""),
                                    l.flags.contains("client") ? TaskSide.CLIENT : TaskSide.TEAM, l.days("due"),
                                    l.visibility()));
                        }
                        case "checklist" -> {
                            l.allow(Set.of(), Set.of("due", "notes"));
                            lines.put("checklist[" + checklist.size() + "]", line);
                            checklist.add(new ChecklistItemSpec(l.text, l.settings.getOrDefault("notes", ""), l.days("due")));
                        }
                        case "form" -> {
                            l.allow(Set.of(), Set.of("due", "version"));
                            Optional<Integer> version = l.number("version");
                            FormRef form = directory.form(l.text, version.map(OptionalInt::of).orElse(OptionalInt.empty()))
                                    .orElseThrow(() -> new IllegalArgumentException("no form “" + l.text + "”"
                                            + version.map(v -> " version " + v).orElse("")
                                            + " in the library (write the form's key, e.g. brand-questionnaire)"));
                            String title = l.positional.isEmpty() ? form.name() : l.positional.get(0);
                            lines.put("forms[" + forms.size() + "]", line);
                            forms.add(new FormAssignmentSpec(form.id(), form.version(), title, l.days("due")));
                        }
                        case "team" -> {
                            l.allow(Set.of("member", "lead"), Set.of());
                            UserId user = directory.teamMember(l.text).orElseThrow(() -> new IllegalArgumentException(
                                    "“" + l.text + "” is not on the agency's team"));
                            lines.put("team[" + team.size() + "]", line);
                            team.add(new TeamMemberSpec(user, l.flags.contains("lead") ? WorkspaceRole.LEAD
                                    : WorkspaceRole.MEMBER));
                        }
                        default -> throw new IllegalArgumentException("“" + l.kind + "” is not a part (folder, project, "
                                + "milestone, list, task, checklist, form, team)");
                    }
                    if (!l.positional.isEmpty() && !l.kind.equals("form")) {
                        throw new IllegalArgumentException("“" + l.positional.get(0) + "” is not a setting here");
                    }
                } catch (IllegalArgumentException e) {
                    errors.put("line " + line, e.getMessage());
                }
            }
        }
        Optional<UserId> leadId = Optional.empty();
        if (!lead.isBlank()) {
            leadId = directory.teamMember(lead.strip());
            if (leadId.isEmpty()) {
                errors.put("lead", "“" + lead.strip() + "” is not on the agency's team");
            }
        }
        TemplateContent content = new TemplateContent(folders, projects.stream().map(ProjectBuilder::build).toList(),
                forms, welcome.isBlank() ? Optional.empty() : Optional.of(welcome.replace("\r\n", "\n")), team, leadId,
                checklist);
        return new Parsed(content, lines, errors);
    }

    /** The content written as text again (to revise a template); the lead and welcome message are not in it. */
    static String format(TemplateContent content, Directory directory) {
        StringBuilder out = new StringBuilder();
        for (FolderSpec f : content.folders()) {
            line(out, "folder", f.path(), internal(f.visibility()));
        }
        for (ProjectSpec p : content.projects()) {
            List<String> parts = new ArrayList<>(internal(p.visibility()));
            parts.add("start=" + p.startOffsetDays());
            p.targetOffsetDays().ifPresent(t -> parts.add("target=" + t));
            if (!p.description().isEmpty()) {
                parts.add("description=" + escape(p.description()));
            }
            line(out, "project", p.name(), parts);
            for (MilestoneSpec m : p.milestones()) {
                List<String> mp = new ArrayList<>(List.of("due=" + m.dueOffsetDays()));
                if (m.requiresApproval()) {
                    mp.add("approval");
                }
                line(out, "milestone", m.title(), mp);
            }
            for (TaskListSpec l : p.taskLists()) {
                line(out, "list", l.name(), internal(l.visibility()));
                for (TaskSpec t : l.tasks()) {
                    List<String> tp = new ArrayList<>(List.of(t.side() == TaskSide.CLIENT ? "client" : "team"));
                    tp.addAll(internal(t.visibility()));
                    t.dueOffsetDays().ifPresent(d -> tp.add("due=" + d));
                    if (!t.notes().isEmpty()) {
                        tp.add("notes=" + escape(t.notes()));
                    }
                    line(out, "task", t.title(), tp);
                }
            }
        }
        for (ChecklistItemSpec c : content.checklist()) {
            List<String> parts = new ArrayList<>();
            c.dueOffsetDays().ifPresent(d -> parts.add("due=" + d));
            if (!c.notes().isEmpty()) {
                parts.add("notes=" + escape(c.notes()));
            }
            line(out, "checklist", c.title(), parts);
        }
        for (FormAssignmentSpec f : content.forms()) {
            List<String> parts = new ArrayList<>(List.of(escape(f.title()), "version=" + f.version()));
            f.dueOffsetDays().ifPresent(d -> parts.add("due=" + d));
            line(out, "form", directory.keyOf(f.formId()), parts);
        }
        for (TeamMemberSpec m : content.team()) {
            line(out, "team", directory.nameOf(m.userId()), List.of(m.role() == WorkspaceRole.LEAD ? "lead" : "member"));
        }
        return out.toString();
    }

    private static List<String> internal(Visibility visibility) {
        return visibility == Visibility.TEAM ? List.of("internal") : List.of();
    }

    private static void line(StringBuilder out, String kind, String text, List<String> parts) {
        out.append(kind).append(" | ").append(escape(text));
        parts.forEach(p -> out.append(" | ").append(p));
        out.append('\n');
    }

    /** A value as written in the text: backslash, bar and line breaks escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "\\n");
    }

    private static <T> T last(List<T> items, String problem) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        return items.get(items.size() - 1);
    }

    /** One line split at its unescaped bars: the kind, the text, flags, settings and other positional values. */
    private static final class Line {
        final String kind;
        final String text;
        final Set<String> flags = new java.util.LinkedHashSet<>();
        final Map<String, String> settings = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();
        private final List<String> raw;

        private Line(List<String> parts) {
            this.raw = parts;
            this.kind = parts.get(0).toLowerCase(Locale.ROOT);
            this.text = parts.get(1);
        }

        static Line of(String row) {
            List<String> parts = split(row);
            if (parts.size() < 2 || parts.get(1).isEmpty()) {
                throw new IllegalArgumentException("needs at least kind | text");
            }
            return new Line(parts);
        }

        /** Sorts the values after the text into flags, settings and positional values; unknown ones are errors. */
        void allow(Set<String> allowedFlags, Set<String> allowedSettings) {
            for (String part : raw.subList(2, raw.size())) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                if (eq > 0 && allowedSettings.contains(name)) {
                    settings.put(name, part.substring(eq + 1).strip());
                } else if (eq < 0 && allowedFlags.contains(name)) {
                    flags.add(name);
                } else if (eq > 0 || !kind.equals("form") || !positional.isEmpty()) {
                    throw new IllegalArgumentException("“" + part + "” is not a setting of a " + kind + " (settings: "
                            + String.join(", ", allowedFlags.stream().sorted().toList())
                            + (allowedFlags.isEmpty() || allowedSettings.isEmpty() ? "" : ", ")
                            + String.join(", ", allowedSettings.stream().sorted().map(s -> s + "=…").toList()) + ")");
                } else {
                    positional.add(part);
                }
            }
        }

        Visibility visibility() {
            return flags.contains("internal") ? Visibility.TEAM : Visibility.CLIENT;
        }

        /** A day offset: {@code due=14} or {@code due=+14}. */
        Optional<Integer> days(String name) {
            String value = settings.get(name);
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Integer.parseInt(value.startsWith("+") ? value.substring(1) : value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number of days after the start date");
            }
        }

        Optional<Integer> number(String name) {
            String value = settings.get(name);
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number");
            }
        }

        private static List<String> split(String row) {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < row.length(); i++) {
                char c = row.charAt(i);
                if (c == '\\' && i + 1 < row.length()) {
                    char next = row.charAt(++i);
                    switch (next) {
                        case '|' -> current.append('|');
                        case 'n' -> current.append('\n');
                        case '\\' -> current.append('\\');
                        default -> current.append('\\').append(next);
                    }
                } else if (c == '|') {
                    parts.add(current.toString().strip());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            parts.add(current.toString().strip());
            return parts;
        }
    }

    private static final class ProjectBuilder {
        final String name;
        final String description;
        final Visibility visibility;
        final int start;
        final Optional<Integer> target;
        final List<MilestoneSpec> milestones = new ArrayList<>();
        final List<ListBuilder> lists = new ArrayList<>();

        ProjectBuilder(String name, String description, Visibility visibility, int start, Optional<Integer> target) {
            this.name = name;
            this.description = description;
            this.visibility = visibility;
            this.start = start;
            this.target = target;
        }

        ProjectSpec build() {
            return new ProjectSpec(name, description, visibility, start, target, milestones,
                    lists.stream().map(l -> new TaskListSpec(l.name, l.visibility, l.tasks)).toList());
        }
    }

    private static final class ListBuilder {
        final String name;
        final Visibility visibility;
        final List<TaskSpec> tasks = new ArrayList<>();

        ListBuilder(String name, Visibility visibility) {
            this.name = name;
            this.visibility = visibility;
        }
    }
}
