package org.shequn.community;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shequn.shared.files.FileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads communities for other modules. A community found by slug or id is kept on this node for a few seconds
 * (ADR 8): every request to a community's pages asks for it first, and its settings change rarely. A change made
 * through this node forgets them at once, after its commit; other nodes see it within {@link #TTL}.
 */
@Service
class CommunityDirectory implements Communities {

    static final Duration TTL = Duration.ofSeconds(5);

    private final CommunityStore store;
    private final Cache<String, CommunityInfo> bySlug = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(TTL).build();
    private final Cache<Long, CommunityInfo> byId = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(TTL).build();

    CommunityDirectory(CommunityStore store) {
        this.store = store;
    }

    @Override
    public Optional<CommunityInfo> find(long communityId) {
        var cached = byId.getIfPresent(communityId);
        return cached != null ? Optional.of(cached) : store.byId(communityId).map(this::info).map(this::remember);
    }

    @Override
    public Optional<CommunityInfo> findBySlug(String slug) {
        if (slug == null || slug.length() > 40) {
            return Optional.empty();
        }
        var key = slug.toLowerCase(java.util.Locale.ROOT);
        var cached = bySlug.getIfPresent(key);
        return cached != null ? Optional.of(cached) : store.bySlug(key).map(this::info).map(this::remember);
    }

    private CommunityInfo remember(CommunityInfo info) {
        bySlug.put(info.slug(), info);
        byId.put(info.id(), info);
        return info;
    }

    /**
     * Forgets every kept community once the current transaction commits (at once outside one): forgetting
     * before the commit would let a concurrent read keep the old row for another few seconds.
     */
    void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        }
        forget();
    }

    private void forget() {
        bySlug.invalidateAll();
        byId.invalidateAll();
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
                questions, Visibility.valueOf(r.visibility()), r.archivedAt() != null, coverUrl(r.coverKey()),
                GovernanceMode.valueOf(r.governance()));
    }

    static String coverUrl(String key) {
        return FileStore.urlOf(key);
    }
}
