package io.clientworkspace.template;

/** Whether a template may still make workspaces. Retiring applies to the template, every version. */
public enum TemplateStatus {
    /** New workspaces may be made from it. */
    ACTIVE,
    /** Kept (workspaces remember the version that made them) but no longer used for new workspaces or revised. */
    RETIRED
}
