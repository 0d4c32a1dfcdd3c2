/**
 * What merchants learn (issue 13 point 8): for a merchant's shop and each product, sales by community per week, the
 * buyers (with the identity tags each chose to share at checkout, "未公开" otherwise), the buyers' profile in
 * aggregate with every group smaller than {@link org.shequn.insight.BuyerProfile#K} buyers folded into "其他", and
 * community fit (communities ranked by how closely their members' directory tags match the buyers', with the reason);
 * for a community's runners the mirror view, mall products whose buyers look like their members.
 *
 * <p>A module of its own because it only reads: commerce's {@link org.shequn.commerce.SalesFacts} (counts in SQL) and
 * the directory's {@link org.shequn.directory.TagShares} (member counts per tag, in SQL), and combines counts; it
 * writes nothing, and neither commerce nor the directory needs to know it exists.
 *
 * <p>Privacy: the consent is stated on the checkout form and defaults to not shared (a buyer has to say yes; a
 * merchant's curiosity is not a reason to assume it). Only sharing buyers' tags are counted anywhere, the aggregate
 * included; the aggregate never names a group of fewer than five, and a yes/no tag (verified) is folded whole when
 * either side is small, since "其他" would otherwise name it. Communities appear in a merchant's fit only when public,
 * not archived, with at least five members, and only through tags at least five of their members carry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"commerce", "community", "directory", "membership", "profile", "shared"})
package org.shequn.insight;
