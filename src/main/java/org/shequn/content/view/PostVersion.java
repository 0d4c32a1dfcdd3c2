package org.shequn.content.view;

import java.time.OffsetDateTime;
import java.util.List;

/** One version of a post, numbered from 1 (the original); the last one is the current text. */
public record PostVersion(int number, String title, String body, String bodyHtml, List<String> tags,
                          OffsetDateTime writtenAt, boolean current) {
}
