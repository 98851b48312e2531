package io.airtix.live.subscription;

import io.airtix.live.caller.Caller;
import io.airtix.platform.authorization.AccessPolicy;
import io.airtix.platform.security.AirtixPrincipal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grants subscriptions by the access policy, like any request: the catalogue to anybody; the {@code
 * orders} channel to a caller who may read their own orders; an airline's channel to its staff,
 * each kind of message to those who may {@code read} that resource in that airline (an agent or an
 * auditor its tickets, orders and payments, a tenant admin its staff changes too).
 */
public final class Subscriptions {

  /** The resources an airline's channel carries, by the policy's names. */
  static final List<String> STAFF_RESOURCES = List.of("tickets", "orders", "payments", "staff");

  private final AccessPolicy policy;

  public Subscriptions(AccessPolicy policy) {
    this.policy = policy;
  }

  public Subscription grant(Caller caller, SubscriptionRequest request) {
    String customer = null;
    Set<String> staffReads = new LinkedHashSet<>();
    for (String channel : request.channels()) {
      if (channel.equals(SubscriptionRequest.CATALOGUE)) {
        continue;
      }
      AirtixPrincipal person = signedIn(caller, channel);
      if (channel.equals(SubscriptionRequest.ORDERS)) {
        if (!policy.allowsSomewhere(person, "read-own", "orders")) {
          throw SubscriptionRefusedException.forbidden("You have no orders of your own to follow.");
        }
        customer = person.userId();
        continue;
      }
      String airline = SubscriptionRequest.airlineOf(channel);
      Set<String> readable = new LinkedHashSet<>();
      for (String resource : STAFF_RESOURCES) {
        if (policy.allows(person, "read", resource, airline)) {
          readable.add(airline + ":" + resource);
        }
      }
      if (readable.isEmpty()) {
        throw SubscriptionRefusedException.forbidden(
            "You may not follow airline " + airline + ": only its staff may.");
      }
      staffReads.addAll(readable);
    }
    return new Subscription(request, customer, staffReads);
  }

  private static AirtixPrincipal signedIn(Caller caller, String channel) {
    if (caller.anonymous()) {
      throw SubscriptionRefusedException.signInFirst(
          "The channel " + channel + " is private: connect with a pass or a token.");
    }
    return caller.person();
  }
}
