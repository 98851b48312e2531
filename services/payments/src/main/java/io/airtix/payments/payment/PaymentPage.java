package io.airtix.payments.payment;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of payments, newest first; {@code page} counts from 0. */
record PaymentPage(
    List<PaymentResponse> items, int page, int size, long totalItems, int totalPages) {

  static PaymentPage from(Page<Payment> page, Function<Payment, PaymentResponse> view) {
    return new PaymentPage(
        page.getContent().stream().map(view).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
