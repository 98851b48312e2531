package io.airtix.payments.payment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

  Optional<Payment> findByOrderId(UUID orderId);

  Optional<Payment> findByIntentId(String intentId);

  Page<Payment> findByCustomerId(String customerId, Pageable page);

  Page<Payment> findByAirline(String airline, Pageable page);
}
