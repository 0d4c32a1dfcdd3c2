-- Reactions and sticker packs became a module of their own: their events moved package. Publications still in the
-- outbox keep their listener and type names, so they are renamed to be delivered (and resubmitted) as the moved types.
update event_publication set event_type = 'org.shequn.reaction.ReactionAdded'
where event_type = 'org.shequn.content.ReactionAdded';
update event_publication set event_type = 'org.shequn.reaction.ReactionRemoved'
where event_type = 'org.shequn.content.ReactionRemoved';
update event_publication
set listener_id = replace(listener_id, 'org.shequn.content.ReactionAdded', 'org.shequn.reaction.ReactionAdded')
where listener_id like '%org.shequn.content.ReactionAdded%';
update event_publication
set listener_id = replace(listener_id, 'org.shequn.content.ReactionRemoved', 'org.shequn.reaction.ReactionRemoved')
where listener_id like '%org.shequn.content.ReactionRemoved%';
