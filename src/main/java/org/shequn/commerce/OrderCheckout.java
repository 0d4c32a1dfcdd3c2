package org.shequn.commerce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shequn.commerce.view.OrderView;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Memberships;
import org.shequn.profile.Profiles;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout: a member orders from their community's store. Stock is taken line by line with one conditional update
 * each, in one transaction, so of many buyers at once exactly as many succeed as there are units; a refusal (sold
 * out, price changed, not in the store) writes nothing. The buyer's idempotency key returns the first order again;
 * the same key with another request is refused.
 */
@Service
public class OrderCheckout {

    static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_.:-]{1,100}$");
    static final int MAX_LINES = 20;
    static final int MAX_QUANTITY = 99;
    static final int ADDRESS_MAX = 300;

    private final CommunityGate gate;
    private final Memberships memberships;
    private final OrderStore store;
    private final CommerceSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Profiles profiles;

    OrderCheckout(CommunityGate gate, Memberships memberships, OrderStore store,
                  CommerceSettings settings, TransactionTemplate transactions, Clock clock, Profiles profiles) {
        this.profiles = profiles;
        this.gate = gate;
        this.memberships = memberships;
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The order created (or created before with this key). */
    public OrderView checkout(Viewer viewer, String idempotencyKey, CheckoutRequest request) {
        long buyer = Viewer.require(viewer).accountId();
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw Rejection.invalid("Idempotency-Key", "commerce.idempotencyKey.invalid");
        }
        var lines = check(request);
        var hash = hash(request, lines);
        var earlier = store.byKey(buyer, idempotencyKey);
        if (earlier.isPresent()) {
            return same(earlier.get(), hash);
        }
        var standing = gate.of(viewer, request.community()).requireMember("commerce.store.membersOnly").requireWritable();
        try {
            return transactions.execute(status -> create(buyer, standing.communityId(), idempotencyKey, hash, request, lines));
        } catch (DuplicateKeyException raced) {
            return same(store.byKey(buyer, idempotencyKey).orElseThrow(() -> raced), hash);
        }
    }

    private record Wanted(int index, long skuId, int quantity, Money unitPrice) {
    }

    /** The order made, as {@link OrderStore#byId} would read it back (not read back: two statements fewer). */
    private OrderView create(long buyer, long communityId, String key, String hash, CheckoutRequest request, List<Wanted> lines) {
        var offered = store.skusInStore(communityId, lines.stream().map(Wanted::skuId).toList());
        var skus = offered.stream().collect(Collectors.toMap(s -> s.sku().id(), OrderStore.SkuInStore::sku));
        var carried = offered.stream().filter(OrderStore.SkuInStore::carried).map(s -> s.sku().id()).collect(Collectors.toSet());
        long shopId = -1;
        boolean shipped = false;
        for (var line : lines) {
            var sku = skus.get(line.skuId());
            if (sku == null || !sku.onSale() || !carried.contains(sku.id())) {
                throw Rejection.invalid("lines[" + line.index() + "].skuId", "commerce.checkout.notInStore");
            }
            if (shopId != -1 && shopId != sku.shopId()) {
                throw Rejection.invalid("lines[" + line.index() + "].skuId", "commerce.checkout.oneShop");
            }
            shopId = sku.shopId();
            shipped |= sku.shipped();
            if (!sku.price().equals(line.unitPrice())) {
                throw priceChanged(line, sku);
            }
        }
        var address = request.address() == null ? "" : request.address().strip();
        if (shipped && address.isEmpty()) {
            throw Rejection.invalid("address", "commerce.address.required");
        }
        // in SKU order, so two orders with the same SKUs never wait for each other's rows in opposite orders
        for (var line : lines.stream().sorted(Comparator.comparingLong(Wanted::skuId)).toList()) {
            if (store.take(line.skuId(), line.quantity(), line.unitPrice().minor()) == 0) {
                var now = store.skusForSale(List.of(line.skuId())).getFirst();
                if (!now.price().equals(line.unitPrice())) {
                    throw priceChanged(line, now);
                }
                throw Rejection.conflict("commerce.soldOut", now.title(), now.stock());
            }
        }
        var split = OrderSplit.of(lines.stream().map(l -> new OrderSplit.Line(l.unitPrice().times(l.quantity()),
                skus.get(l.skuId()).commissionBp())).toList(), settings.referralBp(), settings.platformFeeBp());
        long referrer = referrer(buyer, communityId, request.referrer());
        if (referrer == 0 && !split.referral().isZero()) {
            split = new OrderSplit(split.total(), split.commission(), Money.zero(split.total().currency()),
                    split.platformFee(), split.merchantShare().plus(split.referral()));
        }
        var now = OffsetDateTime.now(clock);
        var order = new OrderStore.NewOrder(buyer, communityId, shopId, referrer, split, shipped ? address : null, key,
                hash, now, now.plus(settings.unpaidExpiry()), request.shares() ? shared(buyer) : null);
        long id = store.insert(order);
        var made = new ArrayList<OrderView.Line>();
        for (var line : lines) {
            var sku = skus.get(line.skuId());
            store.insertLine(id, sku, line.quantity());
            made.add(new OrderView.Line(sku.id(), sku.productId(), sku.title(), sku.attributes(), sku.price(),
                    line.quantity(), false));
        }
        return new OrderView(id, OrderState.CREATED, null, buyer, communityId, shopId, referrer, List.copyOf(made),
                split, order.address(), null, null, null, order.createdAt(), order.expiresAt(), null, null, null,
                order.shared() != null);
    }

    /** The buyer's identity tags as they are now (each within its column's size), kept with the order. */
    private OrderStore.SharedTags shared(long buyer) {
        return profiles.find(buyer).map(card -> new OrderStore.SharedTags(cut(card.position(), 60), cut(card.industry(), 40),
                cut(card.city(), 40), card.schools().isEmpty() ? null : cut(card.schools().getFirst(), 80),
                card.realNameVerified())).orElse(new OrderStore.SharedTags(null, null, null, null, false));
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    /** A member of the community other than the buyer; anyone else's link earns nothing. */
    private long referrer(long buyer, long communityId, Long referrer) {
        if (referrer == null || referrer == buyer || memberships.roleOf(communityId, referrer).isEmpty()) {
            return 0;
        }
        return referrer;
    }

    private static Rejection priceChanged(Wanted line, OrderStore.SkuForSale now) {
        var field = "lines[" + line.index() + "].unitPrice";
        return new Rejection(ProblemKind.CONFLICT, "commerce.price.changed",
                List.of(new Rejection.FieldProblem(field, "commerce.price.changed", now.title(), now.price().display())),
                now.title(), now.price().display());
    }

    private OrderView same(OrderStore.KeyedOrder earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw Rejection.conflict("commerce.idempotency.mismatch");
        }
        return store.byId(earlier.id()).orElseThrow();
    }

    private static List<Wanted> check(CheckoutRequest request) {
        if (request == null || request.community() == null || request.community().isBlank()) {
            throw Rejection.invalid("community", "validation.required");
        }
        if (request.lines() == null || request.lines().isEmpty() || request.lines().size() > MAX_LINES) {
            throw Rejection.invalid("lines", "commerce.lines.count", MAX_LINES);
        }
        if (request.address() != null && (request.address().strip().length() > ADDRESS_MAX || ControlCharacters.in(request.address()))) {
            throw Rejection.invalid("address", "commerce.address.invalid", ADDRESS_MAX);
        }
        var wanted = new ArrayList<Wanted>();
        var seen = new HashSet<Long>();
        for (int i = 0; i < request.lines().size(); i++) {
            var line = request.lines().get(i);
            if (line == null || line.skuId() == null) {
                throw Rejection.invalid("lines[" + i + "].skuId", "validation.required");
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw Rejection.invalid("lines[" + i + "].quantity", "commerce.quantity.range", MAX_QUANTITY);
            }
            if (!seen.add(line.skuId())) {
                throw Rejection.invalid("lines[" + i + "].skuId", "commerce.checkout.duplicate");
            }
            var price = Money.parse(line.unitPrice(), Money.Currency.CNY, "lines[" + i + "].unitPrice");
            wanted.add(new Wanted(i, line.skuId(), line.quantity(), price));
        }
        return wanted;
    }

    private static String hash(CheckoutRequest request, List<Wanted> lines) {
        var text = new StringBuilder(request.community().strip()).append('\n');
        lines.forEach(l -> text.append(l.skuId()).append(':').append(l.quantity()).append(':').append(l.unitPrice().minor()).append('\n'));
        text.append(request.address() == null ? "" : request.address().strip()).append('\n').append(request.referrer())
                .append(request.shares() ? "\nshare" : "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
