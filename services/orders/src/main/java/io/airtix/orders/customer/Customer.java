package io.airtix.orders.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How to address a person on a receipt, as Keycloak last described them. Written only by {@link
 * CustomerEvents}; {@code version} is Keycloak's event time, not an optimistic lock of ours.
 */
@Entity
@Table(name = "customer")
class Customer {

  @Id private String id;

  private long version;
  private String email;
  private String firstName;
  private String lastName;

  protected Customer() {}

  Customer(String id) {
    this.id = id;
  }

  void describe(long version, String email, String firstName, String lastName) {
    this.version = version;
    this.email = email;
    this.firstName = firstName;
    this.lastName = lastName;
  }

  CustomerContact contact() {
    return new CustomerContact(email, firstName, lastName);
  }
}
