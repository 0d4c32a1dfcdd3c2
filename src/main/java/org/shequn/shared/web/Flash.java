package org.shequn.shared.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The line a page shows once after an action, saying what happened ("已通过 陈思远 的申请"), not just that
 * something did. It travels across the redirect in the session's flash map; sessions live in the database, so
 * whichever node serves the next page shows it. {@code key} names a message; {@code args} fill it.
 */
public record Flash(Tone tone, String key, List<String> args) implements Serializable {

    static final String ATTRIBUTE = "flash";

    /** OK: done as asked; INFO: nothing needed doing; WARN: done, but with a consequence worth knowing. */
    public enum Tone {
        OK, INFO, WARN;

        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Flash {
        Objects.requireNonNull(tone);
        Objects.requireNonNull(key);
        args = List.copyOf(args);
    }

    public static void ok(RedirectAttributes redirect, String key, Object... args) {
        say(redirect, Tone.OK, key, args);
    }

    public static void info(RedirectAttributes redirect, String key, Object... args) {
        say(redirect, Tone.INFO, key, args);
    }

    public static void warn(RedirectAttributes redirect, String key, Object... args) {
        say(redirect, Tone.WARN, key, args);
    }

    private static void say(RedirectAttributes redirect, Tone tone, String key, Object... args) {
        // strings only: the flash map is serialized into the session
        redirect.addFlashAttribute(ATTRIBUTE, new Flash(tone, key, Arrays.stream(args).map(String::valueOf).toList()));
    }
}
