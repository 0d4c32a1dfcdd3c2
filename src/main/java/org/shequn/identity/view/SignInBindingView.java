package org.shequn.identity.view;

import org.shequn.identity.SignInBinding;

/** A binding on the settings page; {@code removable} is false while it is the account's only way to sign in. */
public record SignInBindingView(SignInBinding binding, boolean removable) {
}
