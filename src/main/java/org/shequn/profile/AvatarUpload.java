package org.shequn.profile;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Replaces a member's avatar: the upload is checked and re-encoded by {@link ImageUploads} (so only
 * clean PNG pixels are ever served), and the old file is deleted once the new one is committed.
 */
@Service
public class AvatarUpload {

    static final int SIDE = 512;

    private final ImageUploads images;
    private final FileStore files;
    private final ProfileStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AvatarUpload(ImageUploads images, FileStore files, ProfileStore store, ApplicationEventPublisher events, Clock clock) {
        this.images = images;
        this.files = files;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the new avatar's URL. */
    @Transactional
    public String replace(long accountId, MultipartFile upload) {
        var key = images.store(upload, "avatar", SIDE);
        var now = OffsetDateTime.now(clock);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(key);
                }
            }
        });
        var old = store.lock(accountId, now).avatarKey();
        store.setAvatar(accountId, key, now);
        if (old != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    files.delete(old);
                }
            });
        }
        events.publishEvent(new ProfileChanged(accountId));
        return ProfileDirectory.avatarUrl(key);
    }
}
