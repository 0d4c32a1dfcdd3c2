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

    /** Where {@code /files/{key}} serves a public file: the address pages link to (a cover, an avatar). */
    static String urlOf(String key) {
        return key == null ? null : URL_PREFIX + key;
    }

    /** The key behind an address {@link #urlOf} made, for code that draws the file itself (a poster's cover). */
    static Optional<String> keyOf(String url) {
        return url != null && url.startsWith(URL_PREFIX) ? Optional.of(url.substring(URL_PREFIX.length()))
                .filter(FileStore::isPublic) : Optional.empty();
    }

    String URL_PREFIX = "/files/";

    Optional<StoredFile> get(String key);

    void delete(String key);

    /**
     * Deletes the file again unless the surrounding transaction commits: an upload stored before its row was
     * written must not outlive a rollback. Outside a transaction it does nothing.
     */
    default void deleteUnlessCommitted(String key) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                delete(key);
                            }
                        }
                    });
        }
    }

    /**
     * Deletes the file once the surrounding transaction commits (at once outside one): a row removed in a transaction
     * that then rolls back still names its file.
     */
    default void deleteOnceCommitted(String key) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            delete(key);
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        delete(key);
                    }
                });
    }

    record StoredFile(InputStream content, String contentType, long size) {
    }
}
