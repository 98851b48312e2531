package io.airtix.live.subscription;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscriptions as {@link Subscriptions} grants them, for the tests of what a connection receives.
 */
public final class SubscriptionMother {

  private SubscriptionMother() {}

  /** The whole public catalogue. */
  public static Subscription catalogue() {
    return new Subscription(request(SubscriptionRequest.CATALOGUE), null, Set.of());
  }

  /** The catalogue of some airlines only. */
  public static Subscription catalogueOf(String... airlines) {
    return new Subscription(
        new SubscriptionRequest(
            Set.of(SubscriptionRequest.CATALOGUE), Set.of(airlines), Set.of(), Set.of(), Set.of()),
        null,
        Set.of());
  }

  /** A customer's own orders. */
  public static Subscription orders(String userId) {
    return new Subscription(request(SubscriptionRequest.ORDERS), userId, Set.of());
  }

  /** An airline's channel, with the resources its staff member may read there. */
  public static Subscription airline(String airline, String... resources) {
    return new Subscription(
        request(SubscriptionRequest.AIRLINE_PREFIX + airline),
        null,
        Arrays.stream(resources)
            .map(resource -> airline + ":" + resource)
            .collect(Collectors.toSet()));
  }

  public static SubscriptionRequest request(String... channels) {
    return new SubscriptionRequest(Set.of(channels), Set.of(), Set.of(), Set.of(), Set.of());
  }
}
