package io.airtix.payments.payment;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ProviderEventRepository extends JpaRepository<ProviderEventRecord, String> {

  /** One statement, not a load and a delete per row. */
  @Modifying
  @Transactional
  @Query("DELETE FROM ProviderEventRecord event WHERE event.receivedAt < :cutoff")
  int deleteReceivedBefore(Instant cutoff);
}
