package org.shequn.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.shequn.shared.Rejection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountDirectory implements Accounts {

    private final AccountStore store;
    private final Operators operators;

    AccountDirectory(AccountStore store, Operators operators) {
        this.store = store;
        this.operators = operators;
    }

    @Override
    public Optional<AccountSummary> find(long accountId) {
        return store.byId(accountId).map(a -> new AccountSummary(a.id(), a.displayName()));
    }

    @Override
    public Optional<String> email(long accountId) {
        return store.byId(accountId).map(AccountRow::email).filter(e -> !e.isBlank());
    }

    @Override
    public Map<Long, AccountSummary> findAll(Collection<Long> accountIds) {
        return store.summaries(accountIds);
    }

    @Override
    public Optional<AccountSummary> findByEmail(String email) {
        return store.byEmail(Registration.normalizeEmail(email)).map(a -> new AccountSummary(a.id(), a.displayName()));
    }

    @Override
    public boolean isOperator(long accountId) {
        return store.byId(accountId).map(a -> operators.isOperator(a.id(), a.email())).orElse(false);
    }

    @Override
    @Transactional
    public void rename(long accountId, String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 40) {
            throw Rejection.invalid("displayName", "identity.displayName.invalid");
        }
        store.rename(accountId, displayName.strip());
    }
}
