/**
 * Payments (支付): money taken through a {@link org.shequn.payment.PaymentChannel} — WeChat Pay API v3, Alipay, an
 * offline transfer confirmed by hand, or the test mode — for a <em>purpose</em> another module names
 * ({@code "order:42"}). {@link org.shequn.payment.Payments} starts, finds, confirms and refunds payments; the signed
 * notifications of every channel arrive at one endpoint ({@code POST /api/v1/payments/notify/{channel}}), are verified
 * by their channel and recorded once: a payment turns from PENDING to PAID with one conditional update, in the
 * transaction that publishes {@link org.shequn.payment.PaymentSucceeded}. The purpose's module listens and acts.
 * Money that reached us for something that cannot take it is returned ({@link org.shequn.payment.Payments#returnOnArrival},
 * and a verified notification with another amount), and is posted to the ledger's 待退款 until it has gone back.
 * Payment knows nothing of orders or communities. The {@code web} sub-package holds its endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments",
        allowedDependencies = {"identity", "ledger", "shared"})
package org.shequn.payment;
