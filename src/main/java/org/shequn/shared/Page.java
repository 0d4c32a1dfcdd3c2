package org.shequn.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code next} is null on the last page. */
public record Page<T>(List<T> items, String next) {

    /**
     * The first {@code size} of {@code rows}, read with one more than a page (which tells that a next page exists),
     * and the cursor after the last shown, from {@code position}.
     */
    public static <T> Page<T> cut(List<T> rows, int size, Function<T, Cursor> position) {
        boolean more = rows.size() > size;
        var shown = List.copyOf(more ? rows.subList(0, size) : rows);
        return new Page<>(shown, more ? position.apply(shown.getLast()).encode() : null);
    }
}
