import type { Order } from '@airtix/web-shared/api';
import { formatMoney } from '@airtix/web-shared/format';
import { Link } from 'react-router';
import { OrderFlight, useFlight } from './OrderFlight';
import { OrderStatusBadge } from './OrderStatusBadge';

const created = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** One order in "My orders": its flight (the ticket TicketSummary shows too), when, price, status, the way on. */
export function OrderRow({ order }: { order: Order }) {
  const flight = useFlight(order.ticketId);
  const ordered = created.format(new Date(order.createdAt));

  return (
    <tr>
      <th scope="row" className="order-flight">
        <OrderFlight flight={flight} />
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
            {flight.flight ? ` (order for ${flight.flight})` : ` (order of ${ordered})`}
          </span>
        </Link>
      </td>
    </tr>
  );
}
