package org.shequn.commerce;

import java.util.List;
import java.util.Locale;
import org.shequn.commerce.view.ProductView;
import org.shequn.search.ChineseTerms;
import org.shequn.shared.Rejection;
import org.springframework.stereotype.Service;

/**
 * The shared mall (商城): every published product of every shop, found by the words of its title, tags, category
 * and description (segmented like the post search), filtered by category and by shipped or virtual.
 */
@Service
public class Mall {

    static final int LIMIT = 60;

    /** {@code kind}: SHIPPED, VIRTUAL, or blank for both. */
    public record Query(String q, String category, String kind) {
    }

    private final ProductStore store;
    private final Products products;

    Mall(ProductStore store, Products products) {
        this.store = store;
        this.products = products;
    }

    public List<ProductView> search(Query query) {
        var q = query == null ? new Query(null, null, null) : query;
        if (q.q() != null && q.q().length() > 100) {
            throw Rejection.invalid("q", "commerce.mall.queryTooLong");
        }
        var terms = ChineseTerms.of(q.q());
        var category = q.category() == null || q.category().isBlank() ? null : q.category().strip();
        return products.views(store.mall(new ProductStore.MallQuery(terms.size() > 10 ? terms.subList(0, 10) : terms,
                category, shipped(q.kind()), LIMIT)));
    }

    public List<String> categories() {
        return store.categories();
    }

    private static Boolean shipped(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return switch (kind.strip().toUpperCase(Locale.ROOT)) {
            case "SHIPPED" -> true;
            case "VIRTUAL" -> false;
            default -> throw Rejection.invalid("kind", "commerce.mall.kind");
        };
    }
}
