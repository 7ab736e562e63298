package io.clientworkspace.internal;

import io.clientworkspace.approval.ApprovalFeature;
import io.clientworkspace.checkpoint.CheckpointFeature;
import io.clientworkspace.file.FileFeature;
import io.clientworkspace.member.AccessPolicyFeature;
import io.clientworkspace.message.ConversationFeature;
import io.clientworkspace.request.RequestFeature;
import io.clientworkspace.tenant.TenantFeature;
import io.clientworkspace.workspace.ActivityFeature;
import io.clientworkspace.workspace.WorkspaceFeature;

import java.util.List;

/**
 * The one registration point of the core's features, in dependency order. Adding a feature is a new
 * package with its {@link Feature} plus one line here.
 */
public final class Features {

    /** Every feature of the core, each after the features it requires. */
    public static final List<Feature> ALL = List.of(
            new TenantFeature(),
            new WorkspaceFeature(),
            new AccessPolicyFeature(),
            new ActivityFeature(),
            new FileFeature(),
            new ApprovalFeature(),
            new RequestFeature(),
            new io.clientworkspace.project.ProjectFeature(),
            new io.clientworkspace.calendar.CalendarFeature(),
            new ConversationFeature(),
            new io.clientworkspace.message.reply.ReplyFeature(),
            new io.clientworkspace.template.TemplateFeature(),
            new io.clientworkspace.record.RecordFeature(),
            new io.clientworkspace.notification.NotificationFeature(),
            new CheckpointFeature());

    private Features() {
    }
}
