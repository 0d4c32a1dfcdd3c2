/**
 * Commerce (商城与分销): a verified merchant's shop, its products and their SKUs, the shared mall (every published
 * product, searched with the search module's Chinese terms), each community's store (the mall products its runners
 * chose, with a recommendation), checkout without overselling (one conditional stock update per SKU) and orders
 * through their {@link org.shequn.commerce.OrderState}s. Each order stores its {@link org.shequn.commerce.OrderSplit}
 * and publishes {@link org.shequn.commerce.OrderPaid}, {@link org.shequn.commerce.OrderCompleted} and
 * {@link org.shequn.commerce.OrderRefunded}; it takes money through the payment module and writes each order's
 * postings to the ledger in the transaction that pays, completes or refunds it. The
 * {@code web} sub-package holds its endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commerce",
        allowedDependencies = {"community", "identity", "ledger", "membership", "payment", "profile", "search", "shared"})
package org.shequn.commerce;
