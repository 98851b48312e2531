package io.airtix.orders.customer;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contact details of the orders service's customers, for receipts. */
@Service
public class Customers {

  private final CustomerRepository customers;

  Customers(CustomerRepository customers) {
    this.customers = customers;
  }

  /**
   * The customer's name and e-mail address as Keycloak last said; empty for an unknown or deleted
   * account.
   */
  @Transactional(readOnly = true)
  public Optional<CustomerContact> contactOf(String userId) {
    return customers.findById(userId).map(Customer::contact);
  }
}
