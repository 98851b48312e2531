package io.airtix.keycloakclient;

/**
 * What Keycloak's token endpoint answered to a login or a refresh.
 *
 * @param accessToken the signed JWT that services accept as a bearer token
 * @param refreshToken the token that obtains the next access token; single use, the realm rotates
 *     it
 * @param idToken the OpenID Connect ID token, {@code null} when the answer carries none (a refresh
 *     without openid)
 */
public record Tokens(String accessToken, String refreshToken, String idToken) {}
