package io.clientworkspace.message;

/** What a conversation is about. */
public enum ConversationKind {
    /** The workspace's one General conversation, created on first use, titled "General", visible to clients. */
    GENERAL,
    /** A named topic started by a member. */
    TOPIC,
    /** The conversation about one item (a file, an approval, a request); at most one per item. */
    ITEM
}
