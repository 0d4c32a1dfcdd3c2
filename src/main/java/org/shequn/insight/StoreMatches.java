package org.shequn.insight;

import java.util.Comparator;
import java.util.List;
import org.shequn.commerce.SalesFacts;
import org.shequn.directory.TagShares;
import org.shequn.insight.view.ProductMatch;
import org.shequn.membership.CommunityGate;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * The mirror view, for a community's owner and admins: mall products whose buyers look like the community's members,
 * ranked, with the reason. Buyers' tags come only from sharing buyers, in groups of at least five.
 */
@Service
public class StoreMatches {

    static final int SHOWN = 20;

    private final CommunityGate gate;
    private final SalesFacts facts;
    private final TagShares tagShares;

    StoreMatches(CommunityGate gate, SalesFacts facts, TagShares tagShares) {
        this.gate = gate;
        this.facts = facts;
        this.tagShares = tagShares;
    }

    public List<ProductMatch> matches(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireRunner("insight.matches.runnersOnly");
        var members = tagShares.of(standing.communityId(), 1);
        var carried = facts.carried(standing.communityId());
        return facts.productTags(BuyerProfile.K).stream()
                .flatMap(p -> BuyerProfile.match(p.sharing(), p.counts(), members).stream()
                        .map(m -> new ProductMatch(p.productId(), p.title(), p.shopName(), p.sharing(), m.score(), m.reason(),
                                carried.contains(p.productId()))))
                .sorted(Comparator.comparingInt(ProductMatch::score).reversed().thenComparing(ProductMatch::productId))
                .limit(SHOWN).toList();
    }
}
