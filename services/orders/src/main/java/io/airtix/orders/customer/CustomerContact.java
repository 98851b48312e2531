package io.airtix.orders.customer;

/**
 * What a receipt says about its buyer. Any part may be missing: Keycloak does not require them of
 * every account.
 */
public record CustomerContact(String email, String firstName, String lastName) {}
