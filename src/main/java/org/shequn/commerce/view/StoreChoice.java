package org.shequn.commerce.view;

/** A community whose store the viewer runs: where a mall product may be added. */
public record StoreChoice(String slug, String name) {
}
