-- A mute is part of a member's standing in a community, read with their role and ban in one statement by the
-- membership module's gate; moderation decides mutes and audits them, membership keeps them.
alter table moderation_mutes rename to member_mutes;
