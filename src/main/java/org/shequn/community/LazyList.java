package org.shequn.community;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * A read-only list loaded on first use. A community's themes and entry questions are one more query, and most
 * readers of a community (every feed, post, comment and search request checks its community) never look at
 * them.
 */
final class LazyList<T> extends AbstractList<T> {

    private final SingletonSupplier<List<T>> items;

    LazyList(Supplier<List<T>> loader) {
        this.items = SingletonSupplier.of(() -> List.copyOf(loader.get()));
    }

    @Override
    public T get(int index) {
        return items.obtain().get(index);
    }

    @Override
    public int size() {
        return items.obtain().size();
    }
}
