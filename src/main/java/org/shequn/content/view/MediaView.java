package org.shequn.content.view;

/**
 * An image or file attachment of a post (or an upload waiting for one). {@code kind} is IMAGE or FILE. Both
 * are private: {@code url} (and {@code thumbUrl} for images) answer only members who may see the post;
 * pages use {@code /c/{slug}/media/{key}}. {@code type} is the type the uploader declared (attachments are
 * always served as downloads).
 */
public record MediaView(long id, String kind, String key, String thumbKey, String url, String thumbUrl, String name,
                        String type, long size) {

    /** The size for people: "820 KB", "3.4 MB". */
    public String sizeText() {
        if (size < 1024 * 1024) {
            return Math.max(1, (size + 1023) / 1024) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", size / 1024.0 / 1024.0);
    }

    public boolean image() {
        return "IMAGE".equals(kind);
    }
}
