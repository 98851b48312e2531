package io.airtix.payments.provider;

/**
 * A payment intent at the provider.
 *
 * @param id {@code pi_…} at Stripe
 * @param clientSecret what a web client needs to confirm the payment (Stripe.js {@code
 *     confirmPayment}); only for the paying customer's eyes
 */
public record ProviderIntent(String id, String clientSecret) {}
