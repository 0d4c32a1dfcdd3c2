package org.shequn.shared.files;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded files live. The default keeps them in a directory (shared by several nodes when it is
 * a network mount); an object store can implement the same interface later.
 */
public interface FileStore {

    /** Stores a file anyone may fetch through {@code /files/{key}} (avatars, covers); returns its new key. */
    String put(byte[] bytes, String contentType);

    /**
     * Stores a file that only its module's own authorized endpoint serves (verification evidence); the
     * public {@code /files/} route refuses its key.
     */
    String putPrivate(byte[] bytes, String contentType);

    /** Whether a key names a public file. */
    static boolean isPublic(String key) {
        return key != null && !key.startsWith(PRIVATE_PREFIX);
    }

    String PRIVATE_PREFIX = "p";

    Optional<StoredFile> get(String key);

    void delete(String key);

    record StoredFile(InputStream content, String contentType, long size) {
    }
}
