package org.shequn.payment;

public enum PaymentStatus {
    PENDING, PAID, REFUNDED
}
