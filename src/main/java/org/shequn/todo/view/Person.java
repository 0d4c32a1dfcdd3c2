package org.shequn.todo.view;

import java.time.OffsetDateTime;

/** Someone in a to-do list, with when they applied or joined. */
public record Person(long accountId, String name, OffsetDateTime at) {
}
