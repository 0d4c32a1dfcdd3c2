package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every message exists in Simplified Chinese and in English, and every key a template uses exists. */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        try (var files = Files.list(BUNDLES)) {
            for (var zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                var en = BUNDLES.resolve(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English bundle for " + zh.getFileName()).exists();
                var zhKeys = new TreeSet<>(load(zh).stringPropertyNames());
                var enKeys = new TreeSet<>(load(en).stringPropertyNames());
                var missingInEnglish = new TreeSet<>(zhKeys);
                missingInEnglish.removeAll(enKeys);
                var missingInChinese = new TreeSet<>(enKeys);
                missingInChinese.removeAll(zhKeys);
                assertThat(missingInEnglish).as("keys missing in " + en.getFileName()).isEmpty();
                assertThat(missingInChinese).as("keys missing in " + zh.getFileName()).isEmpty();
            }
        }
    }

    @Test
    void everyLiteralKeyUsedInATemplateExists() throws IOException {
        var known = new TreeSet<String>();
        try (var files = Files.list(BUNDLES)) {
            for (var file : files.toList()) {
                known.addAll(load(file).stringPropertyNames());
            }
        }
        var literal = Pattern.compile("ctx\\.t\\(\"([A-Za-z0-9_.]+)\"");
        var missing = new TreeSet<String>();
        try (var templates = Files.walk(Path.of("src/main/jte"))) {
            for (var template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                var matcher = literal.matcher(Files.readString(template));
                while (matcher.find()) {
                    var key = matcher.group(1);
                    // keys built by concatenation ("role." + x) end with a dot and are checked by their pages' tests
                    if (!key.endsWith(".") && !known.contains(key)) {
                        missing.add(template.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
