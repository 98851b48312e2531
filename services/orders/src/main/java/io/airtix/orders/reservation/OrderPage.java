package io.airtix.orders.reservation;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of orders, newest first; {@code page} counts from 0. */
record OrderPage(List<OrderResponse> items, int page, int size, long totalItems, int totalPages) {

  static OrderPage from(Page<Order> page) {
    return new OrderPage(
        page.getContent().stream().map(OrderResponse::from).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
