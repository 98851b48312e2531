package io.airtix.payments.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** A provider event already applied. Its id is the provider's, so saving it is always an insert. */
@Entity
@Table(name = "provider_events")
class ProviderEventRecord implements Persistable<String> {

  @Id private String id;
  private String type;
  private Instant receivedAt;

  protected ProviderEventRecord() {}

  ProviderEventRecord(String id, String type, Instant receivedAt) {
    this.id = id;
    this.type = type;
    this.receivedAt = receivedAt;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return true;
  }
}
