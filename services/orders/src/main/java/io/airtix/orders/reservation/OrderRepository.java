package io.airtix.orders.reservation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRepository extends JpaRepository<Order, UUID> {

  Page<Order> findByCustomerId(String customerId, Pageable page);

  Page<Order> findByAirline(String airline, Pageable page);

  List<Order> findByTicketId(UUID ticketId);
}
