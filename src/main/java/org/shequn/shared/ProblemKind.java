package org.shequn.shared;

/** The stable problem types of the API; {@code type} in problem+json is {@code /problems/<slug>}. */
public enum ProblemKind {
    VALIDATION(400, "validation"),
    UNAUTHENTICATED(401, "unauthenticated"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    CONFLICT(409, "conflict"),
    TOO_LARGE(413, "too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    RATE_LIMITED(429, "too-many-requests"),
    INTERNAL(500, "internal");

    private final int status;
    private final String slug;

    ProblemKind(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String type() {
        return "/problems/" + slug;
    }
}
