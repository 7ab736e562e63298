package io.clientworkspace.examples.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Messages pages show: small read-only values prepared by {@link MessagesController}. A message body
 * is plain text: it is shown as a list of {@link Segment}s, each rendered with {@code th:text} (escaped), links
 * with {@code th:href} too, so no HTML is ever built from what a user typed.
 */
public final class MessageViews {

    /** http and https links only; stops at whitespace and at characters that rarely end a link. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

    private MessageViews() {
    }

    /** One conversation in the list, with its unread count for the viewer. */
    public record ConversationRow(String id, String title, String kind, String kindLabel, boolean internal,
                                  long unread, String lastActivity, String lastActivityExact) {
    }

    /** A part of a message body: plain text, or a link (its text is the link itself). */
    public record Segment(String text, boolean link) {
    }

    /** A file attached to a message; {@code fileId} is empty when the viewer can no longer open it. */
    public record AttachmentView(String fileId, String name) {
    }

    /** An earlier body of an edited message (team only). */
    public record RevisionView(int revision, String at, String by, List<Segment> body) {
    }

    /**
     * One message of a thread, as the viewer sees it.
     *
     * @param internal  an internal note (shown to the team only; clients never receive one)
     * @param deleted   a tombstone: shown as "message deleted", without body, attachments or mentions
     * @param mine      written by the viewer (who may then edit it)
     * @param canDelete the viewer may delete it (author, lead, tenant admin)
     * @param revisions earlier bodies, only for the team and only when edited
     */
    public record MessageView(String id, String author, boolean authorTeam, String at, String exact, boolean internal,
                              boolean deleted, String deletedBy, List<Segment> body, String rawBody, boolean edited,
                              String editedAt, List<AttachmentView> attachments, List<String> mentions, boolean mine,
                              boolean canEdit, boolean canDelete, long version, List<RevisionView> revisions) {
        /** The author's initial, for the avatar. */
        public String initial() {
            return author.isEmpty() ? "?" : author.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A member who may be mentioned, or a file that may be attached. */
    public record Choice(String value, String label, boolean team) {
    }

    /** Splits plain text into text and link segments (links: http/https only, trailing punctuation left out). */
    static List<Segment> segments(String text) {
        List<Segment> parts = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            String link = m.group();
            int end = m.end();
            while (!link.isEmpty() && ".,;:!?)]}".indexOf(link.charAt(link.length() - 1)) >= 0) {
                link = link.substring(0, link.length() - 1);
                end--;
            }
            if (link.length() <= "https://".length()) {
                continue;
            }
            if (m.start() > at) {
                parts.add(new Segment(text.substring(at, m.start()), false));
            }
            parts.add(new Segment(link, true));
            at = end;
        }
        if (at < text.length()) {
            parts.add(new Segment(text.substring(at), false));
        }
        return parts;
    }
}
