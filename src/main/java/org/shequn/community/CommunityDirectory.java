package org.shequn.community;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Reads communities for other modules. */
@Service
class CommunityDirectory implements Communities {

    private final CommunityStore store;

    CommunityDirectory(CommunityStore store) {
        this.store = store;
    }

    @Override
    public Optional<CommunityInfo> find(long communityId) {
        return store.byId(communityId).map(this::info);
    }

    @Override
    public Optional<CommunityInfo> findBySlug(String slug) {
        if (slug == null || slug.length() > 40) {
            return Optional.empty();
        }
        return store.bySlug(slug.toLowerCase(java.util.Locale.ROOT)).map(this::info);
    }

    @Override
    public Map<Long, CommunityInfo> findAll(Collection<Long> communityIds) {
        var rows = store.byIds(communityIds);
        var ids = rows.stream().map(CommunityRow::id).toList();
        var lists = store.lists(ids);
        return rows.stream().map(r -> info(r, lists.themes().getOrDefault(r.id(), List.of()),
                        lists.questions().getOrDefault(r.id(), List.of())))
                .collect(Collectors.toMap(CommunityInfo::id, Function.identity()));
    }

    @Override
    public String rules(long communityId) {
        return store.byId(communityId).map(CommunityRow::rules).orElse("");
    }

    /** One community: its themes and entry questions are read together, when something first asks for either. */
    CommunityInfo info(CommunityRow r) {
        var lists = org.springframework.util.function.SingletonSupplier.of(() -> store.lists(List.of(r.id())));
        return info(r, new LazyList<>(() -> lists.obtain().themes().getOrDefault(r.id(), List.of())),
                new LazyList<>(() -> lists.obtain().questions().getOrDefault(r.id(), List.of())));
    }

    static CommunityInfo info(CommunityRow r, List<String> themes, List<String> questions) {
        return new CommunityInfo(r.id(), r.slug(), r.name(), r.description(), themes, r.ownerId(), r.memberCap(),
                EntryPolicy.valueOf(r.entryPolicy()), r.requiresRealName(), r.requiresPosition(), r.membersMayInvite(),
                questions, Visibility.valueOf(r.visibility()), r.archivedAt() != null, coverUrl(r.coverKey()));
    }

    static String coverUrl(String key) {
        return key == null ? null : "/files/" + key;
    }
}
