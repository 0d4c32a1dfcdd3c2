package org.shequn.identity;

/** A sign-in method's button: the message key of its label and where it starts. */
public record SignInButton(String labelKey, String href) {
}
