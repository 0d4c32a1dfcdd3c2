package org.shequn.content.view;

import java.util.List;

/** The owner's and admins' moderation page: open reports, held posts and comments, mutes, banned words, recent actions. */
public record ModerationPage(String slug, String communityName, List<ReportView> reports, List<HeldPost> held,
                             List<HeldComment> heldComments,
                             List<MuteView> mutes, List<BannedWord> words, List<AuditEntry> audit) {
}
