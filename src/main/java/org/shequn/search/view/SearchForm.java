package org.shequn.search.view;

/**
 * A search request as typed: every field a string, checked by the search module so that bad input is a
 * 400 with field errors, never a conversion failure. Dates are ISO days (2026-01-31), both inclusive.
 */
public record SearchForm(String q, String section, String kind, String author, String from, String to, String cursor) {

    public String value(String field) {
        return field == null ? "" : field;
    }
}
