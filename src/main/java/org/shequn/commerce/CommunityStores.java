package org.shequn.commerce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.shequn.commerce.view.ProductView;
import org.shequn.commerce.view.StoreItemView;
import org.shequn.commerce.view.StorePage;
import org.shequn.membership.CommunityGate;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's store (分销): its owner and admins add mall products with a short recommendation and remove them;
 * its members see it and buy from it. Outsiders see nothing (403).
 */
@Service
public class CommunityStores {

    static final int RECOMMENDATION_MAX = 200;

    private final CommunityGate gate;
    private final org.shequn.membership.Memberships memberships;
    private final StoreItemStore store;
    private final ProductStore productStore;
    private final Products products;
    private final Clock clock;

    CommunityStores(CommunityGate gate, org.shequn.membership.Memberships memberships, StoreItemStore store, ProductStore productStore, Products products, Clock clock) {
        this.gate = gate;
        this.memberships = memberships;
        this.store = store;
        this.productStore = productStore;
        this.products = products;
        this.clock = clock;
    }

    public StorePage page(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireMember("commerce.store.membersOnly");
        var items = store.items(standing.communityId());
        var byId = products.byIds(items.stream().map(StoreItemStore.Item::productId).toList()).stream()
                .filter(ProductView::published).collect(Collectors.toMap(ProductView::id, p -> p));
        return new StorePage(slug, standing.community().name(), standing.runs(), items.stream()
                .filter(i -> byId.containsKey(i.productId()))
                .map(i -> new StoreItemView(byId.get(i.productId()), i.recommendation())).toList());
    }

    @Transactional
    public StoreItemView add(Viewer viewer, String slug, Long productId, String recommendation) {
        var standing = gate.of(viewer, slug).requireRunner("commerce.store.runnersOnly").requireWritable();
        var text = recommendation == null ? "" : recommendation.strip();
        if (text.length() > RECOMMENDATION_MAX || ControlCharacters.in(text)) {
            throw Rejection.invalid("recommendation", "commerce.recommendation.invalid", RECOMMENDATION_MAX);
        }
        if (productId == null) {
            throw Rejection.invalid("productId", "validation.required");
        }
        var product = productStore.byId(productId).filter(ProductStore.ProductRow::published)
                .orElseThrow(() -> Rejection.notFound("commerce.product.notFound"));
        if (store.add(standing.communityId(), product.id(), text, standing.accountId(), OffsetDateTime.now(clock)) == 0) {
            throw Rejection.conflict("commerce.store.already");
        }
        return new StoreItemView(products.byIds(java.util.List.of(product.id())).getFirst(), text);
    }

    @Transactional
    public void remove(Viewer viewer, String slug, long productId) {
        var standing = gate.of(viewer, slug).requireRunner("commerce.store.runnersOnly").requireWritable();
        if (store.remove(standing.communityId(), productId) == 0) {
            throw Rejection.notFound("commerce.store.notInStore");
        }
    }

    /** The communities whose store the viewer runs (owner or admin, not archived): where a product may go. */
    public java.util.List<org.shequn.commerce.view.StoreChoice> runnable(Viewer viewer) {
        if (viewer == null) {
            return java.util.List.of();
        }
        return memberships.communitiesOf(viewer.accountId()).stream().map(id -> gate.of(viewer, id))
                .filter(st -> st.exists() && st.runs() && !st.community().archived())
                .map(st -> new org.shequn.commerce.view.StoreChoice(st.community().slug(), st.community().name())).toList();
    }

    /** Whether the community's store carries the product (what checkout sells). */
    boolean carries(long communityId, long productId) {
        return store.item(communityId, productId).isPresent();
    }
}
