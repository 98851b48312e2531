import { unwrap, type Order } from '@airtix/web-shared/api';
import { formatDeparture, formatFlight, formatMoney } from '@airtix/web-shared/format';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { OrderStatusBadge } from './OrderStatusBadge';

const created = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** One order in "My orders": its flight (the ticket TicketSummary shows too), when, price, status, the way on. */
export function OrderRow({ order }: { order: Order }) {
  const api = useApi();
  const ticket = useQuery({
    queryKey: ['ticket', order.ticketId],
    queryFn: ({ signal }) =>
      unwrap(api.tickets.GET('/api/tickets/{id}', { params: { path: { id: order.ticketId } }, signal })),
  });
  const flight = ticket.data ? formatFlight(ticket.data) : undefined;
  const ordered = created.format(new Date(order.createdAt));

  return (
    <tr>
      <th scope="row" className="order-flight">
        {ticket.data ? (
          <>
            {flight}{' '}
            <span className="order-flight__departure">{formatDeparture(ticket.data.departureTime)}</span>
          </>
        ) : ticket.isError ? (
          'Flight unavailable'
        ) : (
          <>
            <span aria-hidden="true">…</span>
            <span className="visually-hidden">Loading the flight</span>
          </>
        )}
      </th>
      <td data-label="Ordered">{ordered}</td>
      <td data-label="Price">{formatMoney(order.price, order.currency)}</td>
      <td>
        <OrderStatusBadge order={order} />
      </td>
      <td>
        <Link to={order.status === 'COMPLETED' ? `/orders/${order.id}/completed` : `/checkout/${order.id}`}>
          {order.status === 'COMPLETED'
            ? 'See booking'
            : order.status === 'CANCELLED'
              ? 'Details'
              : 'Pay now'}
          <span className="visually-hidden">
            {flight ? ` (order for ${flight})` : ` (order of ${ordered})`}
          </span>
        </Link>
      </td>
    </tr>
  );
}
