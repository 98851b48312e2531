package io.airtix.events.broker;

/** The exchanges and queues of the event backbone, named once for every service and broker. */
public final class BrokerNames {

  /** The topic exchange every event is published to; the routing key is the event's type. */
  public static final String EVENTS_EXCHANGE = "airtix.events";

  private BrokerNames() {}

  /** The queue of the events a service applies. */
  public static String eventQueue(String service) {
    return service + ".events";
  }

  /** The queue that keeps what a service could not apply. */
  public static String deadLetterQueue(String service) {
    return service + ".dead-letter";
  }

  /**
   * A service's own dead-letter exchange: one per service, so its broker account may publish to it
   * and to no other service's dead letters.
   */
  public static String deadLetterExchange(String service) {
    return "airtix.dead-letter." + service;
  }

  /**
   * Every queue of a service starts with its name and a dot ({@code orders.events}, {@code
   * orders.deny-list}, the deny-list's per-instance queues), so one prefix grants them all.
   */
  public static String queuePrefix(String service) {
    return service + ".";
  }
}
