package io.airtix.orders.ratelimit;

import io.airtix.platform.ratelimit.Quota;
import io.airtix.platform.ratelimit.RateLimitedException;
import io.airtix.platform.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * The limits on reservations: per customer, then per airline of the ticket. See
 * docs/decisions/0011.
 */
@Component
public class ReservationRateLimits {

  static final String PER_USER = "per-user";
  static final String PER_AIRLINE = "per-airline";

  private final RateLimiter limiter;
  private final ReservationRateLimitSettings settings;

  ReservationRateLimits(RateLimiter limiter, ReservationRateLimitSettings settings) {
    this.limiter = limiter;
    this.settings = settings;
  }

  /**
   * Counts one reservation attempt of {@code userId} for a ticket of {@code airline}. The
   * customer's own bucket is asked first, so a customer over their limit takes nothing from the
   * airline's.
   *
   * @throws RateLimitedException 429 with Retry-After; nothing was counted
   */
  public void admit(String userId, String airline) {
    limiter.acquire(
        new Quota(PER_USER, "reservations:user:" + userId, settings.perUser()),
        new Quota(PER_AIRLINE, "reservations:airline:" + airline, settings.perAirline()));
  }
}
