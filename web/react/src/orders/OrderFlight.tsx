import { unwrap } from '@airtix/web-shared/api';
import { formatDeparture, formatFlight } from '@airtix/web-shared/format';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';

/**
 * The flight of an order's ticket, read once per ticket whatever lists it ("My orders", "My payments", the
 * booking). `flight` names it on one line once known; without a ticket id yet, it waits.
 */
export function useFlight(ticketId: string | undefined) {
  const api = useApi();
  const ticket = useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: ({ signal }) =>
      unwrap(api.tickets.GET('/api/tickets/{id}', { params: { path: { id: ticketId! } }, signal })),
    enabled: ticketId !== undefined,
  });
  return { ticket, flight: ticket.data ? formatFlight(ticket.data) : undefined };
}

/** The flight and its departure, "Flight unavailable" when it cannot be read, or a quiet ellipsis meanwhile. */
export function OrderFlight({
  flight,
  unavailable = false,
}: {
  flight: ReturnType<typeof useFlight>;
  /** the order itself could not be read, so neither can its ticket */
  unavailable?: boolean;
}) {
  const { ticket } = flight;
  if (ticket.data) {
    return (
      <>
        {flight.flight}{' '}
        <span className="order-flight__departure">{formatDeparture(ticket.data.departureTime)}</span>
      </>
    );
  }
  if (unavailable || ticket.isError) return <>Flight unavailable</>;
  return (
    <>
      <span aria-hidden="true">…</span>
      <span className="visually-hidden">Loading the flight</span>
    </>
  );
}
