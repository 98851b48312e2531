import { unwrap, type Ticket } from '@airtix/web-shared/api';
import { formatFlight } from '@airtix/web-shared/format';
import { computed, reactive } from 'vue';
import { useApi } from '../api/api';
import { useQuery, type QueryResult } from '../api/query';

/** An order's flight as OrderFlight shows it: the ticket's query, and the flight on one line once known. */
export interface Flight {
  readonly ticket: QueryResult<Ticket>;
  readonly flight: string | undefined;
}

/**
 * The flight of an order's ticket, read once per ticket whatever lists it ("My orders", "My payments", the
 * booking). `flight` names it on one line once known; without a ticket id yet, it waits.
 */
export function useFlight(ticketId: () => string | undefined): Flight {
  const api = useApi();
  const ticket = useQuery({
    key: () => ['ticket', ticketId()],
    fetch: (signal) =>
      unwrap(api.tickets.GET('/api/tickets/{id}', { params: { path: { id: ticketId()! } }, signal })),
    enabled: () => ticketId() !== undefined,
  });
  return reactive({
    ticket,
    flight: computed(() => (ticket.data ? formatFlight(ticket.data) : undefined)),
  }) as Flight;
}
