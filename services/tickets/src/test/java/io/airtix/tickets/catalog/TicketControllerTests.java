package io.airtix.tickets.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.airtix.platform.messaging.Outbox;
import io.airtix.tickets.config.TicketsConfiguration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Controller, validation and tenancy rules, with tokens built in-process and the database mocked.
 */
@WebMvcTest(controllers = TicketController.class)
@Import({TicketCatalog.class, TicketsConfiguration.class})
class TicketControllerTests {

  @Autowired MockMvc mvc;

  @Autowired JsonMapper json;

  @MockitoBean TicketRepository tickets;

  @MockitoBean Outbox outbox;

  @Test
  void letsAgentCreateTicketOfItsAirlineWith201AndLocation() throws Exception {
    given(tickets.saveAndFlush(any(Ticket.class)))
        .willAnswer(invocation -> invocation.getArgument(0));

    mvc.perform(
            body(post("/api/tickets"), TicketMother.createRequest("aerolux"))
                .with(Callers.member("aerolux", "agent")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", matchesPattern(".*/api/tickets/[0-9a-f-]{36}$")))
        .andExpect(jsonPath("$.status").value("AVAILABLE"))
        .andExpect(jsonPath("$.airline").value("aerolux"))
        .andExpect(jsonPath("$.price").value(129.90))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void rejectsCreationByCustomerWith403() throws Exception {
    mvc.perform(
            body(post("/api/tickets"), TicketMother.createRequest("aerolux"))
                .with(Callers.customer()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://airtix.io/problems/forbidden"));
    verify(tickets, never()).saveAndFlush(any());
  }

  @Test
  void rejectsCreationForAnotherAirlineWith403() throws Exception {
    mvc.perform(
            body(post("/api/tickets"), TicketMother.createRequest("aerolux"))
                .with(Callers.member("boreal", "agent")))
        .andExpect(status().isForbidden());
  }

  @Test
  void rejectsCreationByAuditorWith403() throws Exception {
    mvc.perform(
            body(post("/api/tickets"), TicketMother.createRequest("aerolux"))
                .with(Callers.member("aerolux", "auditor")))
        .andExpect(status().isForbidden());
  }

  @Test
  void rejectsCreationWithoutTokenWith401() throws Exception {
    mvc.perform(body(post("/api/tickets"), TicketMother.createRequest("aerolux")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
  }

  @Test
  void rejectsInvalidTicketWith400NamingEveryField() throws Exception {
    String invalid =
        """
        {"airline":"AeroLux","flightNumber":"L1","origin":"lux","destination":"CDGX",
         "departureTime":"2001-01-01T10:00:00Z","cabin":"ECONOMY","seat":"12Z","price":10.999,"currency":"XYZ"}
        """;
    mvc.perform(
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content(invalid)
                .with(Callers.member("aerolux", "agent")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://airtix.io/problems/validation"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    containsInAnyOrder(
                        "airline",
                        "flightNumber",
                        "origin",
                        "destination",
                        "departureTime",
                        "seat",
                        "price",
                        "currency")));
  }

  @Test
  void rejectsSameOriginAndDestinationOnDestination() throws Exception {
    CreateTicketRequest valid = TicketMother.createRequest("aerolux");
    CreateTicketRequest circular =
        new CreateTicketRequest(
            valid.airline(),
            valid.flightNumber(),
            "LUX",
            "LUX",
            valid.departureTime(),
            valid.cabin(),
            valid.seat(),
            valid.price(),
            valid.currency());

    mvc.perform(body(post("/api/tickets"), circular).with(Callers.member("aerolux", "agent")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("destination"))
        .andExpect(jsonPath("$.errors[0].message").value("must differ from origin"));
  }

  @Test
  void rejectsZeroPriceAndUnknownCabin() throws Exception {
    String body =
        json.writeValueAsString(TicketMother.createRequest("aerolux"))
            .replace("\"ECONOMY\"", "\"DECK\"");
    mvc.perform(
            post("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(Callers.member("aerolux", "agent")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("cabin"));
  }

  @Test
  void hidesTicketOfAnotherAirlineFromUpdateWith404() throws Exception {
    Ticket foreign = stored(TicketMother.availableTicket("boreal"));

    mvc.perform(
            body(put("/api/tickets/" + foreign.id()), TicketMother.updateRequest(0))
                .with(Callers.member("aerolux", "agent")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("TICKET_NOT_FOUND"));
  }

  @Test
  void hidesTicketOfAnotherAirlineFromDeleteWith404() throws Exception {
    Ticket foreign = stored(TicketMother.availableTicket("boreal"));

    mvc.perform(delete("/api/tickets/" + foreign.id()).with(Callers.member("aerolux", "agent")))
        .andExpect(status().isNotFound());
    verify(tickets, never()).delete(any(Ticket.class));
  }

  @Test
  void rejectsEditByCustomerWith403EvenForUnknownTicket() throws Exception {
    mvc.perform(
            body(put("/api/tickets/" + UUID.randomUUID()), TicketMother.updateRequest(0))
                .with(Callers.customer()))
        .andExpect(status().isForbidden());
  }

  @Test
  void answersUnknownTicketWith404() throws Exception {
    mvc.perform(
            delete("/api/tickets/" + UUID.randomUUID()).with(Callers.member("aerolux", "agent")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/tickets/" + UUID.randomUUID()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("TICKET_NOT_FOUND"));
  }

  @Test
  void rejectsStaleVersionWith409() throws Exception {
    Ticket ticket = stored(TicketMother.availableTicket("aerolux"));

    mvc.perform(
            body(put("/api/tickets/" + ticket.id()), TicketMother.updateRequest(3))
                .with(Callers.member("aerolux", "agent")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://airtix.io/problems/stale-version"));
  }

  @Test
  void rejectsEditOfReservedTicketWith423() throws Exception {
    Ticket ticket = TicketMother.availableTicket("aerolux");
    ticket.markReserved();
    stored(ticket);

    mvc.perform(
            body(put("/api/tickets/" + ticket.id()), TicketMother.updateRequest(0))
                .with(Callers.member("aerolux", "agent")))
        .andExpect(status().isLocked())
        .andExpect(jsonPath("$.code").value("TICKET_RESERVED"));
  }

  @Test
  void letsTenantAdminDeleteTicketOfItsAirlineWith204() throws Exception {
    Ticket ticket = stored(TicketMother.availableTicket("aerolux"));

    mvc.perform(
            delete("/api/tickets/" + ticket.id()).with(Callers.member("aerolux", "tenant-admin")))
        .andExpect(status().isNoContent());
    verify(tickets).delete(ticket);
  }

  @Test
  void letsAnyoneBrowseWithoutToken() throws Exception {
    given(tickets.findAll(any(Specification.class), any(Pageable.class))).willReturn(Page.empty());

    mvc.perform(get("/api/tickets?origin=LUX&date=2030-01-31&page=0&size=100"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(0));
  }

  @Test
  void rejectsOversizedPageAndMalformedFiltersWith400() throws Exception {
    mvc.perform(get("/api/tickets?size=101"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/tickets?origin=Luxembourg&destination=cdg"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field").value(containsInAnyOrder("origin", "destination")));
    mvc.perform(get("/api/tickets?date=31.01.2030"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("date"));
  }

  @Test
  void searchesByPriceRangeInOneCurrencyInDepartureThenIdOrder() throws Exception {
    given(tickets.findAll(any(Specification.class), any(Pageable.class))).willReturn(Page.empty());

    mvc.perform(get("/api/tickets?minPrice=0&maxPrice=0.00&currency=EUR&page=3&size=10"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isArray())
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(get("/api/tickets?minPrice=99.5&currency=USD")).andExpect(status().isOk());
    mvc.perform(get("/api/tickets?maxPrice=150&currency=USD")).andExpect(status().isOk());
    mvc.perform(get("/api/tickets?currency=JPY")).andExpect(status().isOk());

    ArgumentCaptor<Pageable> pageable = ArgumentCaptor.forClass(Pageable.class);
    verify(tickets, times(4)).findAll(any(Specification.class), pageable.capture());
    assertThat(pageable.getAllValues().get(0).getPageNumber()).isEqualTo(3);
    assertThat(pageable.getAllValues())
        .allSatisfy(
            request -> assertThat(request.getSort()).isEqualTo(Sort.by("departureTime", "id")));
  }

  @Test
  void rejectsNegativeOrNonNumericOrOverPrecisePriceWith400NamingTheField() throws Exception {
    mvc.perform(get("/api/tickets?minPrice=-0.01&currency=EUR"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://airtix.io/problems/validation"))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("minPrice")));
    mvc.perform(get("/api/tickets?maxPrice=cheap&currency=EUR"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://airtix.io/problems/validation"))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("maxPrice")));
    mvc.perform(get("/api/tickets?minPrice=10.001&maxPrice=1e400&currency=EUR"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("minPrice", "maxPrice")));
    verify(tickets, never()).findAll(any(Specification.class), any(Pageable.class));
  }

  @Test
  void rejectsMinPriceAboveMaxPriceWith400OnMaxPrice() throws Exception {
    mvc.perform(get("/api/tickets?minPrice=200&maxPrice=199.99&currency=EUR"))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.type").value("https://airtix.io/problems/validation"))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("maxPrice")))
        .andExpect(jsonPath("$.errors[0].message").value("must not be less than minPrice"));
    verify(tickets, never()).findAll(any(Specification.class), any(Pageable.class));
  }

  @Test
  void rejectsPriceBoundWithoutCurrencyOrWithUnknownCurrencyWith400OnCurrency() throws Exception {
    mvc.perform(get("/api/tickets?minPrice=10"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("currency")))
        .andExpect(jsonPath("$.errors[0].message").value("is required with minPrice or maxPrice"));
    mvc.perform(get("/api/tickets?maxPrice=10&currency=EURO"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("currency")));
    verify(tickets, never()).findAll(any(Specification.class), any(Pageable.class));
  }

  private Ticket stored(Ticket ticket) {
    given(tickets.findById(ticket.id())).willReturn(Optional.of(ticket));
    return ticket;
  }

  private MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, Object body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
  }
}
