import { unwrap } from '@airtix/web-shared/api';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { formatCabin, formatDeparture } from '@airtix/web-shared/format';

/** The flight an order is for, from the catalogue. */
export function TicketSummary({ ticketId }: { ticketId: string }) {
  const api = useApi();
  const ticket = useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: ({ signal }) =>
      unwrap(api.tickets.GET('/api/tickets/{id}', { params: { path: { id: ticketId } }, signal })),
  });
  if (!ticket.data) {
    return (
      <p className="ticket-summary">
        {ticket.isError ? 'The flight’s details cannot be shown right now.' : 'Loading the flight…'}
      </p>
    );
  }
  const shown = ticket.data;
  return (
    <dl className="details ticket-summary">
      <dt>Flight</dt>
      <dd>
        {shown.airline} {shown.flightNumber}, {shown.origin} to {shown.destination}
      </dd>
      <dt>Departure</dt>
      <dd>{formatDeparture(shown.departureTime)}</dd>
      <dt>Cabin and seat</dt>
      <dd>
        {formatCabin(shown.cabin)}, seat {shown.seat}
      </dd>
    </dl>
  );
}
