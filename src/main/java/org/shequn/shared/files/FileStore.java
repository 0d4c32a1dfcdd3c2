package org.shequn.shared.files;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded files live. The default keeps them in a directory (shared by several nodes when it is
 * a network mount); an object store can implement the same interface later.
 */
public interface FileStore {

    /** Stores the bytes and returns a new opaque key. */
    String put(byte[] bytes, String contentType);

    Optional<StoredFile> get(String key);

    void delete(String key);

    record StoredFile(InputStream content, String contentType, long size) {
    }
}
