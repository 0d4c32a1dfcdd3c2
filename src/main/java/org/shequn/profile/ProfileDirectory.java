package org.shequn.profile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.shared.files.FileStore;
import org.springframework.stereotype.Service;

/** Reads profile cards: the display name from identity, everything else from the profile tables. */
@Service
class ProfileDirectory implements Profiles {

    private final Accounts accounts;
    private final ProfileStore store;

    ProfileDirectory(Accounts accounts, ProfileStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    @Override
    public Optional<ProfileCard> find(long accountId) {
        return accounts.find(accountId).map(account ->
                card(account, store.find(accountId).orElse(ProfileStore.Stored.empty(accountId))));
    }

    /** Two queries whatever the number of accounts: the names, then the profiles with their items. */
    @Override
    public Map<Long, ProfileCard> findAll(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        var names = accounts.findAll(accountIds);
        var stored = store.findAll(names.keySet());
        Map<Long, ProfileCard> cards = new LinkedHashMap<>();
        for (var id : accountIds) {
            var account = names.get(id);
            if (account != null) {
                cards.put(id, card(account, stored.getOrDefault(id, ProfileStore.Stored.empty(id))));
            }
        }
        return cards;
    }

    static ProfileCard card(AccountSummary account, ProfileStore.Stored p) {
        return new ProfileCard(account.id(), account.displayName(), avatarUrl(p.avatarKey()), p.bio(), p.city(),
                p.industry(), p.company(), p.position(), List.copyOf(p.education()), List.copyOf(p.skills()),
                List.copyOf(p.interests()), p.realNameVerified(), p.positionVerified());
    }

    static String avatarUrl(String key) {
        return FileStore.urlOf(key);
    }
}
