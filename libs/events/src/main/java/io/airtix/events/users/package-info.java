/**
 * Events of Keycloak about the people of the platform, published by the {@code airtix} event
 * listener of keycloak/extensions after Keycloak's transaction committed.
 *
 * <ul>
 *   <li>Stream {@code user}, one aggregate per user id: {@code user.created}, {@code user.updated},
 *       {@code user.deleted}, {@code user.banned}.
 *   <li>Stream {@code session}: {@code session.ended}, one aggregate per session id (per user id
 *       when every session of a user ended at once).
 * </ul>
 *
 * <p>Keycloak keeps no version per user, so {@code version} is the time of Keycloak's event in
 * epoch milliseconds: it grows with every change, which is what {@code EventOrdering.NEWER_ONLY}
 * consumers need; it has gaps, so contiguous ordering is impossible for these streams. The
 * envelope's {@code tenant} is the Keycloak realm ({@code airtix}): a person belongs to the
 * platform, not to one airline.
 */
package io.airtix.events.users;
