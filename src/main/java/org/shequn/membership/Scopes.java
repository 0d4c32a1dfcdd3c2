package org.shequn.membership;

import java.util.List;
import java.util.Map;
import org.shequn.shared.Rejection;
import org.springframework.stereotype.Component;

/**
 * Choosing the {@link Scope} of something new: the sub-groups a viewer may address (a runner any of the community's,
 * anyone else only their own), checked when a form or an API call names one, and the groups' names for labels.
 */
@Component
public class Scopes {

    /** A sub-group the viewer may scope to, for a form's choice. */
    public record Choice(long id, String name) {
    }

    private final SubgroupCatalog catalog;

    Scopes(SubgroupCatalog catalog) {
        this.catalog = catalog;
    }

    /** The scope named by {@code subgroupId} (none: the whole community), refused (400 on {@code field}) if not allowed. */
    public Scope choose(Standing viewer, Long subgroupId, String field) {
        if (subgroupId == null) {
            return Scope.community();
        }
        if (!viewer.runs() && !viewer.inSubgroup(subgroupId)) {
            throw Rejection.invalid(field, "scope.notYours");
        }
        if (!catalog.names(viewer.communityId()).containsKey(subgroupId)) {
            throw Rejection.invalid(field, "scope.notYours");
        }
        return Scope.of(subgroupId);
    }

    /** The groups a viewer may scope to: all for runners, else their own (if any). */
    public List<Choice> choices(Standing viewer) {
        var names = catalog.names(viewer.communityId());
        return names.entrySet().stream().filter(e -> viewer.runs() || viewer.inSubgroup(e.getKey()))
                .map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }

    /** The groups a leader may scope what they run to: their own group, when they lead it. */
    public List<Choice> ledChoices(Standing viewer) {
        var names = catalog.names(viewer.communityId());
        return names.entrySet().stream().filter(e -> viewer.runs() || Scope.of(e.getKey()).ledBy(viewer))
                .map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }

    /** Who something scoped to {@code scope} is for, among {@code members}: all of them, or the group's. */
    public java.util.function.Predicate<Long> audience(long communityId, Scope scope) {
        if (scope.wholeCommunity()) {
            return id -> true;
        }
        var group = catalog.members(communityId, scope.subgroupId());
        return group::contains;
    }

    /** What a label calls a deleted group (its items stay, seen by the runners only); pages word it themselves. */
    public static final String DELETED_GROUP = "?";

    /** The label of an item's group: none for the whole community's, the group's name, or {@link #DELETED_GROUP}. */
    public static String label(Map<Long, String> names, Long subgroupId) {
        return subgroupId == null ? null : names.getOrDefault(subgroupId, DELETED_GROUP);
    }

    /** The community's sub-groups' names by id (for "仅 {group} 可见" labels). */
    public Map<Long, String> names(long communityId) {
        return catalog.names(communityId);
    }
}
