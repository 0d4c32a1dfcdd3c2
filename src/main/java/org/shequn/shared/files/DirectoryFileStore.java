package org.shequn.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Files under {@code shequn.data-dir}/files, named by random keys; the extension records the type. */
@Component
class DirectoryFileStore implements FileStore {

    private static final Pattern KEY = Pattern.compile("^p?[0-9a-f]{32}\\.(png|jpg|gif|webp|pdf|bin)$");
    // "bin" holds attachments of any type: the owning module keeps the real type and name and serves
    // them as downloads, never inline
    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/png", "png", "image/jpeg", "jpg", "image/gif", "gif", "image/webp", "webp",
            "application/pdf", "pdf", "application/octet-stream", "bin");

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    DirectoryFileStore(@Value("${shequn.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir, "files");
    }

    @Override
    public String put(byte[] bytes, String contentType) {
        return store(bytes, contentType, "");
    }

    @Override
    public String putPrivate(byte[] bytes, String contentType) {
        return store(bytes, contentType, PRIVATE_PREFIX);
    }

    private String store(byte[] bytes, String contentType, String prefix) {
        var extension = EXTENSIONS.get(contentType);
        if (extension == null) {
            throw new IllegalArgumentException("unsupported type " + contentType);
        }
        var id = new byte[16];
        random.nextBytes(id);
        var key = prefix + HexFormat.of().formatHex(id) + "." + extension;
        try {
            Files.createDirectories(root);
            var tmp = Files.createTempFile(root, "upload", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    @Override
    public Optional<StoredFile> get(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        var path = root.resolve(key);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            var type = EXTENSIONS.entrySet().stream().filter(e -> key.endsWith("." + e.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse("application/octet-stream");
            return Optional.of(new StoredFile(Files.newInputStream(path), type, Files.size(path)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        if (key != null && KEY.matcher(key).matches()) {
            try {
                Files.deleteIfExists(root.resolve(key));
            } catch (IOException ignored) {
                // a leftover file is harmless; the row that pointed to it is gone
            }
        }
    }
}
