package org.shequn.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.shequn.commerce.SalesFacts;
import org.shequn.directory.TagShares;
import org.shequn.insight.view.Facet;
import org.shequn.insight.view.FitReason;

/** The rules: folding small groups (k-anonymity, k = 5) and how closely a set of members matches a set of buyers. */
public final class BuyerProfile {

    /** No group of fewer buyers (or members) than this is ever shown by its value. */
    public static final int K = 5;

    private BuyerProfile() {
    }

    /** The buyers' profile per kind, groups smaller than {@link #K} folded into "其他" (value null). */
    static List<Facet> fold(SalesFacts.BuyerTags tags) {
        var facets = new ArrayList<Facet>();
        for (var kind : SalesFacts.KINDS) {
            var counts = tags.counts().stream().filter(c -> c.kind().equals(kind)).toList();
            var groups = new ArrayList<Facet.Group>();
            long other = 0;
            long stated = 0;
            for (var c : counts) {
                stated += c.buyers();
                if (c.buyers() >= K) {
                    groups.add(new Facet.Group(c.value(), c.label(), c.buyers(), percent(c.buyers(), tags.sharing())));
                } else {
                    other += c.buyers();
                }
            }
            long unstated = Math.max(0, tags.sharing() - stated);
            if (kind.equals("verified") && other > 0) {
                // two values only: "其他" beside the one shown would name the other one
                other += groups.stream().mapToLong(Facet.Group::buyers).sum();
                groups.clear();
            }
            if (unstated >= K) {
                groups.add(new Facet.Group("", "", unstated, percent(unstated, tags.sharing())));
            } else {
                other += unstated;
            }
            if (other > 0) {
                groups.add(new Facet.Group(null, null, other, percent(other, tags.sharing())));
            }
            facets.add(new Facet(kind, groups));
        }
        return facets;
    }

    /** The directory tag a buyer's tag matches, or empty (an unverified buyer matches nothing). */
    static Optional<String> directoryTag(SalesFacts.TagCount c) {
        return switch (c.kind()) {
            case "verified" -> c.value().equals("yes") ? Optional.of(TagShares.REAL_NAME_VERIFIED) : Optional.empty();
            case "education" -> Optional.of(TagShares.tag("school", c.value()));
            default -> Optional.of(TagShares.tag(c.kind(), c.value()));
        };
    }

    record Match(int score, FitReason reason) {
    }

    /**
     * How closely a community's members match the buyers: per kind, the overlap of the two distributions (the sum over
     * values of the smaller share), averaged over the kinds the buyers show; 0 to 100. The reason is the value that
     * contributes most. Only buyer groups of at least {@link #K} count.
     */
    static Optional<Match> match(long sharing, List<SalesFacts.TagCount> buyers, TagShares.CommunityTags members) {
        if (sharing == 0 || members.members() == 0) {
            return Optional.empty();
        }
        var big = buyers.stream().filter(c -> c.buyers() >= K).toList();
        long kinds = big.stream().map(SalesFacts.TagCount::kind).distinct().count();
        if (kinds == 0) {
            return Optional.empty();
        }
        long overlapBp = 0;
        FitReason best = null;
        long bestBp = 0;
        for (var c : big.stream().sorted(Comparator.comparing(SalesFacts.TagCount::buyers).reversed()).toList()) {
            var tag = directoryTag(c);
            if (tag.isEmpty()) {
                continue;
            }
            long have = members.counts().getOrDefault(tag.get(), 0L);
            if (have == 0) {
                continue;
            }
            long p = c.buyers() * 10_000 / sharing;
            long q = have * 10_000 / members.members();
            long bp = Math.min(p, q);
            overlapBp += bp;
            if (bp > bestBp) {
                bestBp = bp;
                best = new FitReason(c.kind(), c.label(), percent(c.buyers(), sharing), percent(have, members.members()));
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Match((int) Math.min(100, (overlapBp / kinds + 50) / 100), best));
    }

    /** A whole percentage, rounded half up. */
    static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) ((part * 200 + whole) / (2 * whole));
    }
}
