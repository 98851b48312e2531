package io.airtix.tickets.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface TicketRepository extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

  /** Filters of the public search; each one left empty matches everything. */
  static Specification<Ticket> matching(TicketSearch search) {
    Specification<Ticket> all = Specification.unrestricted();
    if (search.airline() != null) {
      all = all.and((root, query, cb) -> cb.equal(root.get("airline"), search.airline()));
    }
    if (search.origin() != null) {
      all = all.and((root, query, cb) -> cb.equal(root.get("origin"), search.origin()));
    }
    if (search.destination() != null) {
      all = all.and((root, query, cb) -> cb.equal(root.get("destination"), search.destination()));
    }
    if (search.date() != null) {
      LocalDate day = search.date();
      all =
          all.and(
              (root, query, cb) ->
                  cb.and(
                      cb.greaterThanOrEqualTo(
                          root.get("departureTime"), day.atStartOfDay(ZoneOffset.UTC).toInstant()),
                      cb.lessThan(
                          root.get("departureTime"),
                          day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
    }
    if (search.currency() != null) {
      all = all.and((root, query, cb) -> cb.equal(root.get("currency"), search.currency()));
    }
    if (search.minPrice() != null) {
      all =
          all.and(
              (root, query, cb) ->
                  cb.greaterThanOrEqualTo(root.<BigDecimal>get("price"), search.minPrice()));
    }
    if (search.maxPrice() != null) {
      all =
          all.and(
              (root, query, cb) ->
                  cb.lessThanOrEqualTo(root.<BigDecimal>get("price"), search.maxPrice()));
    }
    return all;
  }
}
