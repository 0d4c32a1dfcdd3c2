package org.shequn.insight;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shequn.commerce.SalesFacts;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.community.Visibility;
import org.shequn.directory.TagShares;
import org.shequn.insight.view.Buyer;
import org.shequn.insight.view.CommunityFit;
import org.shequn.insight.view.Insight;
import org.shequn.insight.view.WeeklySales;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.springframework.stereotype.Service;

/**
 * What a merchant learns about their own shop or one of its products. Only the shop's merchant: anyone else has no
 * shop of theirs to ask about (404), and another merchant's product is not found in their shop (404).
 */
@Service
public class ShopInsight {

    static final int BUYERS_SHOWN = 200;
    static final int FITS_SHOWN = 10;

    private final SalesFacts facts;
    private final TagShares tagShares;
    private final Communities communities;
    private final Profiles profiles;

    ShopInsight(SalesFacts facts, TagShares tagShares, Communities communities,
                Profiles profiles) {
        this.facts = facts;
        this.tagShares = tagShares;
        this.communities = communities;
        this.profiles = profiles;
    }

    public Insight shop(Viewer viewer) {
        var shop = ownShop(viewer);
        return insight(shop.id(), shop.name(), null, null);
    }

    public Insight product(Viewer viewer, long productId) {
        var shop = ownShop(viewer);
        var title = facts.productTitle(shop.id(), productId).orElseThrow(() -> Rejection.notFound("commerce.product.notFound"));
        return insight(shop.id(), shop.name(), productId, title);
    }

    private SalesFacts.ShopRef ownShop(Viewer viewer) {
        return facts.shopOf(Viewer.require(viewer).accountId()).orElseThrow(() -> Rejection.notFound("commerce.shop.none"));
    }

    private Insight insight(long shopId, String shopName, Long productId, String title) {
        var daily = facts.daily(shopId, productId);
        var tags = facts.tags(shopId, productId);
        var weekly = weekly(daily);
        long orders = daily.stream().mapToLong(SalesFacts.DailySales::orders).sum();
        var amount = daily.stream().map(SalesFacts.DailySales::amount).reduce(Money.cny(0), Money::plus);
        return new Insight(shopName, productId, title, orders, amount, tags.buyers(), tags.sharing(), weekly,
                buyers(shopId, productId), BuyerProfile.fold(tags), fit(tags));
    }

    private WeeklySales weekly(List<SalesFacts.DailySales> daily) {
        var ids = new LinkedHashSet<Long>();
        var byWeek = new TreeMap<LocalDate, Map<Long, WeeklySales.Cell>>();
        for (var d : daily) {
            ids.add(d.communityId());
            var week = d.day().with(DayOfWeek.MONDAY);
            byWeek.computeIfAbsent(week, w -> new HashMap<>()).merge(d.communityId(),
                    new WeeklySales.Cell(d.orders(), d.units(), d.amount()),
                    (a, b) -> new WeeklySales.Cell(a.orders() + b.orders(), a.units() + b.units(), a.amount().plus(b.amount())));
        }
        var infos = communities.findAll(ids);
        var columns = ids.stream().map(id -> new WeeklySales.Column(id,
                infos.containsKey(id) ? infos.get(id).name() : "#" + id)).toList();
        var weeks = new ArrayList<WeeklySales.Week>();
        // every week from the first sale to the last, empty weeks included, so the chart's time axis is honest
        if (!byWeek.isEmpty()) {
            for (var w = byWeek.firstKey(); !w.isAfter(byWeek.lastKey()); w = w.plusWeeks(1)) {
                var cells = byWeek.getOrDefault(w, Map.of());
                weeks.add(new WeeklySales.Week(w, columns.stream().map(c -> cells.getOrDefault(c.communityId(),
                        new WeeklySales.Cell(0, 0, Money.cny(0)))).toList()));
            }
        }
        return new WeeklySales(columns, weeks);
    }

    /** One row per buyer, newest first, with the tags of their latest order only if they shared them on it. */
    private List<Buyer> buyers(long shopId, Long productId) {
        var orders = facts.orders(shopId, productId, BUYERS_SHOWN * 2);
        var latest = new LinkedHashMap<Long, SalesFacts.BuyerOrder>();
        var counts = new HashMap<Long, Integer>();
        for (var o : orders) {
            latest.putIfAbsent(o.buyerAccountId(), o);
            counts.merge(o.buyerAccountId(), 1, Integer::sum);
        }
        var cards = profiles.findAll(latest.keySet());
        return latest.values().stream().limit(BUYERS_SHOWN).map(o -> new Buyer(o.buyerAccountId(),
                cards.containsKey(o.buyerAccountId()) ? cards.get(o.buyerAccountId()).displayName() : "#" + o.buyerAccountId(),
                counts.get(o.buyerAccountId()), o.paidAt(), o.shares(), o.position(), o.industry(), o.city(), o.education(),
                o.verified())).toList();
    }

    private List<CommunityFit> fit(SalesFacts.BuyerTags tags) {
        var big = tags.counts().stream().filter(c -> c.buyers() >= BuyerProfile.K).toList();
        var wanted = big.stream().map(BuyerProfile::directoryTag).flatMap(java.util.Optional::stream).distinct().toList();
        var candidates = tagShares.communitiesWith(wanted, BuyerProfile.K).stream()
                .filter(c -> c.members() >= BuyerProfile.K).toList();
        Map<Long, CommunityInfo> infos = communities.findAll(candidates.stream().map(TagShares.CommunityTags::communityId).toList());
        var fits = new ArrayList<CommunityFit>();
        for (var c : candidates) {
            var info = infos.get(c.communityId());
            if (info == null || info.archived() || info.visibility() != Visibility.PUBLIC) {
                continue;
            }
            BuyerProfile.match(tags.sharing(), big, c).ifPresent(m ->
                    fits.add(new CommunityFit(info.slug(), info.name(), c.members(), m.score(), m.reason())));
        }
        return fits.stream().sorted(Comparator.comparingInt(CommunityFit::score).reversed()
                .thenComparing(CommunityFit::members, Comparator.reverseOrder()).thenComparing(CommunityFit::slug))
                .limit(FITS_SHOWN).toList();
    }
}
