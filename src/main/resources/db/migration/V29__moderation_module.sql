-- Moderation became a module of its own: its event moved package. Publications still in the outbox keep their
-- listener and type names, so they are renamed to be delivered (and resubmitted) as the moved type.
update event_publication set event_type = 'org.shequn.moderation.ModerationDecided'
where event_type = 'org.shequn.content.ModerationDecided';
update event_publication
set listener_id = replace(listener_id, 'org.shequn.content.ModerationDecided', 'org.shequn.moderation.ModerationDecided')
where listener_id like '%org.shequn.content.ModerationDecided%';
