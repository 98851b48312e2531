package io.airtix.live.subscription;

import io.airtix.live.message.Audience;
import io.airtix.live.message.LiveMessage;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A granted subscription: which messages one connection receives. Decided once, when granted; a
 * message is then matched without asking the policy again.
 *
 * @param request what was asked
 * @param customer the caller's user id when the {@code orders} channel was granted
 * @param staffReads {@code airline:resource} pairs the caller may read, for the airline channels
 *     granted
 */
public record Subscription(
    SubscriptionRequest request, @Nullable String customer, Set<String> staffReads) {

  public static final Subscription NOTHING =
      new Subscription(
          new SubscriptionRequest(Set.of(), Set.of(), Set.of(), Set.of(), Set.of()),
          null,
          Set.of());

  public Subscription {
    staffReads = Set.copyOf(staffReads);
  }

  public boolean matches(LiveMessage message) {
    Audience audience = message.audience();
    if (audience instanceof Audience.Catalogue catalogue) {
      return request.channels().contains(SubscriptionRequest.CATALOGUE) && matches(catalogue);
    }
    if (audience instanceof Audience.Customer owner) {
      return owner.userId().equals(customer);
    }
    if (audience instanceof Audience.Staff staff) {
      return staffReads.contains(staff.airline() + ":" + staff.resource());
    }
    return false;
  }

  private boolean matches(Audience.Catalogue ticket) {
    return (request.airlines().isEmpty() || request.airlines().contains(ticket.airline()))
        && (request.tickets().isEmpty() || request.tickets().contains(ticket.ticket()))
        // a ticket not seen since the instance started has no known route or day: it matches no
        // such filter (and the immutable sets refuse to be asked about null)
        && (request.routes().isEmpty()
            || (ticket.route() != null && request.routes().contains(ticket.route())))
        && (request.dates().isEmpty()
            || (ticket.date() != null && request.dates().contains(ticket.date())));
  }
}
