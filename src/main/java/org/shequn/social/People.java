package org.shequn.social;

import org.shequn.identity.Accounts;
import org.shequn.shared.Rejection;
import org.springframework.stereotype.Component;

/** The check every social action starts with: the other person is someone else, and exists. */
@Component
public class People {

    private final Accounts accounts;

    People(Accounts accounts) {
        this.accounts = accounts;
    }

    void requireOther(long viewerId, long personId, String selfMessageKey) {
        if (viewerId == personId) {
            throw Rejection.invalid("id", selfMessageKey);
        }
        requireExists(personId);
    }

    public void requireExists(long personId) {
        if (accounts.find(personId).isEmpty()) {
            throw Rejection.notFound("social.person.notFound");
        }
    }
}
