package io.airtix.payments.webhook;

import io.airtix.payments.payment.PaymentOutcomes.Applied;

/**
 * What Stripe gets back: any 2xx ends its retries, so the body is for people reading Stripe's
 * dashboard.
 */
record WebhookReceipt(String eventId, String type, Applied applied) {}
