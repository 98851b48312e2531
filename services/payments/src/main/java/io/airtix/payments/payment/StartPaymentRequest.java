package io.airtix.payments.payment;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Body of {@code POST /api/payments}: the caller's own order to pay, at the amount it was reserved
 * for.
 */
record StartPaymentRequest(@NotNull UUID orderId) {}
