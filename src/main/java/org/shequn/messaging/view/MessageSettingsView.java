package org.shequn.messaging.view;

import org.shequn.messaging.Acceptance;

/** Whom I accept private messages from. */
public record MessageSettingsView(Acceptance accepts) {
}
