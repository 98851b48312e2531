/**
 * Events of Keycloak about the staff of the airlines, published by the {@code airtix} event
 * listener of keycloak/extensions after Keycloak's transaction committed.
 *
 * <ul>
 *   <li>Stream {@code staff}, one aggregate per person and airline ({@code <airline>/<user id>}):
 *       {@code staff.changed}, the tenant roles the person holds in the airline after the change.
 * </ul>
 *
 * <p>A tenant role is membership of the Keycloak group {@code /airlines/<airline>/<role>} (decision
 * 0002); it changes when an administrator moves a person between those groups (the tenants service
 * or Keycloak's admin console) and when an invited person accepts the invitation. As for the user
 * events, {@code version} is the time of the change in epoch milliseconds: it grows with every
 * change, for {@code EventOrdering.NEWER_ONLY} consumers, and has gaps. The envelope's {@code
 * tenant} is the airline, so the event belongs to that airline's staff alone.
 */
package io.airtix.events.staff;
