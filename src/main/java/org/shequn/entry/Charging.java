package org.shequn.entry;

import org.shequn.membership.EntryCharge;
import org.springframework.stereotype.Component;

/** Tells membership which communities charge for entry: those with entry terms. */
@Component
class Charging implements EntryCharge {

    private final EntryTermsStore terms;

    Charging(EntryTermsStore terms) {
        this.terms = terms;
    }

    @Override
    public boolean charges(long communityId) {
        return terms.exists(communityId);
    }
}
