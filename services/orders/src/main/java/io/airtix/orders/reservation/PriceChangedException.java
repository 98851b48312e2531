package io.airtix.orders.reservation;

import io.airtix.platform.problem.AirtixProblem;
import io.airtix.platform.problem.ProblemTypes;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * 409: the ticket's price is not the one the customer saw. Carries the current price and currency
 * ({@code currentPrice}, {@code currency}) so the client can show it and let the customer reserve
 * again.
 */
class PriceChangedException extends AirtixProblem {

  static final String TYPE = "price-changed";

  PriceChangedException(UUID ticketId, BigDecimal currentPrice, String currency) {
    super(
        HttpStatus.CONFLICT,
        ProblemTypes.of(TYPE),
        "PRICE_CHANGED",
        "Price changed",
        "Ticket " + ticketId + " now costs " + currentPrice.toPlainString() + " " + currency + ".");
    getBody().setProperty("ticketId", ticketId);
    getBody().setProperty("currentPrice", currentPrice);
    getBody().setProperty("currency", currency);
  }
}
