/**
 * Full-text search (搜索) over a community's posts and comments, or across the viewer's communities:
 * an inverted index kept in the database (so every node reads the same index), fed by the content
 * module's events, with Chinese word segmentation (jieba), ranking, filters and highlighted snippets.
 * Only members search a community.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search",
        allowedDependencies = {"community", "content", "identity", "membership", "moderation", "shared"})
package org.shequn.search;
