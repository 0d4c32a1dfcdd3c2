package org.shequn.event.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.shequn.shared.files.FileStore;

/** An album picture, written straight out with a private cache: only members may fetch it. */
final class AlbumFiles {

    private AlbumFiles() {
    }

    static void write(HttpServletResponse response, FileStore.StoredFile file) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Cache-Control", "private, max-age=86400");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (var in = file.content()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
