package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.shequn.commerce.view.CartView;
import org.shequn.commerce.view.OrderView;
import org.shequn.commerce.view.SkuView;
import org.shequn.community.Communities;
import org.shequn.membership.CommunityGate;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cart (购物车): a member collects products from their community's store, then orders each shop's lines in one
 * order (an order comes from one shop and is credited to one community). A line keeps the price the buyer saw; when
 * the merchant has changed it since, the cart shows both and the buyer confirms the new one before ordering, since
 * checkout refuses a price the buyer did not see.
 */
@Service
public class Carts {

    static final int MAX_LINES = 50;

    private final CommunityGate gate;
    private final Communities communities;
    private final CommunityStores stores;
    private final CartStore store;
    private final OrderStore orders;
    private final OrderCheckout checkout;
    private final Clock clock;

    Carts(CommunityGate gate, Communities communities, CommunityStores stores, CartStore store, OrderStore orders,
          OrderCheckout checkout, Clock clock) {
        this.gate = gate;
        this.communities = communities;
        this.stores = stores;
        this.store = store;
        this.orders = orders;
        this.checkout = checkout;
        this.clock = clock;
    }

    public CartView view(Viewer viewer) {
        long buyer = Viewer.require(viewer).accountId();
        var groups = new LinkedHashMap<List<Long>, List<CartStore.Line>>();
        var lines = store.lines(buyer);
        for (var line : lines) {
            groups.computeIfAbsent(List.of(line.communityId(), line.shopId()), k -> new ArrayList<>()).add(line);
        }
        var views = new ArrayList<CartView.Group>();
        groups.forEach((key, group) -> communities.find(key.getFirst()).ifPresent(community -> {
            var first = group.getFirst();
            var shown = group.stream().map(l -> new CartView.Line(l.skuId(), l.productId(), l.title(),
                    new SkuView(l.skuId(), ProductStore.attributes(l.attributes()), l.price(), l.stock()).label(),
                    l.quantity(), l.seenPrice(), l.price(), l.stock(), l.onSale() && l.inStore() && !community.archived()))
                    .toList();
            var total = shown.stream().map(CartView.Line::subtotal).reduce(Money::plus).orElseThrow();
            views.add(new CartView.Group(community.slug(), community.name(), first.shopId(), first.shopName(),
                    group.stream().anyMatch(CartStore.Line::shipped), shown, total));
        }));
        return new CartView(views, lines.size());
    }

    public int count(Viewer viewer) {
        return viewer == null ? 0 : store.count(viewer.accountId());
    }

    /** Puts a SKU the community's store sells into the cart (adding to a line already there) at today's price. */
    @Transactional
    public CartView add(Viewer viewer, String slug, Long skuId, Integer quantity, Long referrer) {
        var standing = gate.of(viewer, slug).requireMember("commerce.store.membersOnly").requireWritable();
        int n = quantity(quantity);
        var sku = forSale(standing.communityId(), skuId);
        if (store.count(standing.accountId()) >= MAX_LINES
                && store.lines(standing.accountId()).stream().noneMatch(l -> l.communityId() == standing.communityId() && l.skuId() == skuId)) {
            throw Rejection.conflict("commerce.cart.full", MAX_LINES);
        }
        Long ref = referrer == null || referrer == standing.accountId() ? null : referrer;
        store.add(standing.accountId(), standing.communityId(), sku.id(), n, OrderCheckout.MAX_QUANTITY, sku.price(), ref,
                OffsetDateTime.now(clock));
        return view(viewer);
    }

    @Transactional
    public CartView setQuantity(Viewer viewer, String slug, long skuId, Integer quantity) {
        var standing = gate.of(viewer, slug).requireMember("commerce.store.membersOnly");
        if (store.setQuantity(standing.accountId(), standing.communityId(), skuId, quantity(quantity)) == 0) {
            throw Rejection.notFound("commerce.cart.noLine");
        }
        return view(viewer);
    }

    /** Takes a line out; allowed even after leaving the community, so a cart can always be emptied. */
    @Transactional
    public CartView remove(Viewer viewer, String slug, long skuId) {
        long buyer = Viewer.require(viewer).accountId();
        var community = communities.findBySlug(slug).orElseThrow(() -> Rejection.notFound("commerce.cart.noLine"));
        if (store.remove(buyer, community.id(), List.of(skuId)) == 0) {
            throw Rejection.notFound("commerce.cart.noLine");
        }
        return view(viewer);
    }

    /** The buyer accepts today's prices for one group's lines (after being told they changed). */
    @Transactional
    public CartView acceptPrices(Viewer viewer, String slug, long shopId) {
        var standing = gate.of(viewer, slug).requireMember("commerce.store.membersOnly");
        var group = group(standing.accountId(), standing.communityId(), shopId);
        group.forEach(l -> store.seen(standing.accountId(), standing.communityId(), l.skuId(), l.price()));
        return view(viewer);
    }

    /**
     * Orders one group (a community's store, one shop) at the prices the buyer saw, and takes those lines out of the
     * cart. The key makes a repeated submission return the first order, even once the lines are gone.
     */
    public OrderView checkout(Viewer viewer, String key, String slug, Long shopId, String address, Boolean shareTags) {
        long buyer = Viewer.require(viewer).accountId();
        var standing = gate.of(viewer, slug).requireMember("commerce.store.membersOnly").requireWritable();
        if (shopId == null) {
            throw Rejection.invalid("shopId", "validation.required");
        }
        var group = group(buyer, standing.communityId(), shopId);
        if (group.isEmpty()) {
            Optional<OrderView> earlier = key == null ? Optional.empty()
                    : orders.byKey(buyer, key).flatMap(k -> orders.byId(k.id()));
            return earlier.orElseThrow(() -> Rejection.notFound("commerce.cart.noLine"));
        }
        var request = new CheckoutRequest(slug, group.stream()
                .map(l -> new CheckoutRequest.Line(l.skuId(), l.quantity(), l.seenPrice().plain())).toList(),
                address, group.stream().map(CartStore.Line::referrerId).filter(r -> r != null).findFirst().orElse(null),
                shareTags);
        var order = checkout.checkout(viewer, key, request);
        store.remove(buyer, standing.communityId(), group.stream().map(CartStore.Line::skuId).toList());
        return order;
    }

    private List<CartStore.Line> group(long buyer, long communityId, long shopId) {
        return store.lines(buyer).stream().filter(l -> l.communityId() == communityId && l.shopId() == shopId).toList();
    }

    private OrderStore.SkuForSale forSale(long communityId, Long skuId) {
        if (skuId == null) {
            throw Rejection.invalid("skuId", "validation.required");
        }
        return orders.skusForSale(List.of(skuId)).stream()
                .filter(s -> s.onSale() && stores.carries(communityId, s.productId())).findFirst()
                .orElseThrow(() -> Rejection.invalid("skuId", "commerce.checkout.notInStore"));
    }

    private static int quantity(Integer quantity) {
        if (quantity == null || quantity < 1 || quantity > OrderCheckout.MAX_QUANTITY) {
            throw Rejection.invalid("quantity", "commerce.quantity.range", OrderCheckout.MAX_QUANTITY);
        }
        return quantity;
    }
}
