/**
 * The thin kernel every module may use: the signed-in {@link org.shequn.shared.Viewer}, the
 * {@link org.shequn.shared.Rejection} that use cases throw when a request cannot be carried out,
 * keyset {@link org.shequn.shared.Cursor}s, and the web plumbing that turns rejections into
 * problem+json or error pages. No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.shequn.shared;
