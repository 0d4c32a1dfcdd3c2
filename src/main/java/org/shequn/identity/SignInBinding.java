package org.shequn.identity;

/**
 * A sign-in method as the settings page shows it: its name's message key, the name it knows the person by
 * ({@code null} while not bound), and the forms that bind and unbind it.
 */
public record SignInBinding(String nameKey, String boundAs, String bindAction, String unbindAction) {

    public boolean bound() {
        return boundAs != null;
    }
}
