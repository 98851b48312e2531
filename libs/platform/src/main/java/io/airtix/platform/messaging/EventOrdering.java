package io.airtix.platform.messaging;

/** How a listener treats the versions of one aggregate. */
public enum EventOrdering {

  /**
   * Version N+1 is applied only after N (the first is 0); an early event waits in the inbox and is
   * applied right after its predecessor; an older one is acknowledged and ignored. For replicas,
   * which must see every change. The service must then listen to every event type of the aggregate,
   * or versions would be missing for good; the platform refuses to start otherwise.
   */
  CONTIGUOUS,

  /**
   * Any version newer than the last applied is applied at once, older ones are ignored. For
   * reactions to a few event types of an aggregate (e.g. schedule on order.created, cancel on
   * order.cancelled).
   */
  NEWER_ONLY
}
