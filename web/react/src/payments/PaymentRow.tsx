import { unwrap, type Payment } from '@airtix/web-shared/api';
import { formatMoney, formatPaymentOutcome } from '@airtix/web-shared/format';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { OrderFlight, useFlight } from '../orders/OrderFlight';
import { PaymentStatusBadge } from './PaymentStatusBadge';

const started = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** One payment in "My payments": the flight of its order, when, how much, where it stands and why, its order. */
export function PaymentRow({ payment }: { payment: Payment }) {
  const api = useApi();
  const order = useQuery({
    queryKey: ['order', payment.orderId],
    queryFn: ({ signal }) =>
      unwrap(api.orders.GET('/api/orders/{id}', { params: { path: { id: payment.orderId } }, signal })),
  });
  const flight = useFlight(order.data?.ticketId);
  const when = started.format(new Date(payment.createdAt));
  const booked = order.data?.status === 'COMPLETED';

  return (
    <tr>
      <th scope="row" className="order-flight">
        <OrderFlight flight={flight} unavailable={order.isError} />
      </th>
      <td data-label="Started">{when}</td>
      <td data-label="Amount">{formatMoney(payment.amount, payment.currency)}</td>
      <td>
        <PaymentStatusBadge payment={payment} />
      </td>
      <td data-label="Details">{formatPaymentOutcome(payment)}</td>
      <td>
        <Link to={booked ? `/orders/${payment.orderId}/completed` : `/checkout/${payment.orderId}`}>
          {booked ? 'See booking' : 'See order'}
          <span className="visually-hidden">
            {flight.flight ? ` (payment for ${flight.flight})` : ` (payment of ${when})`}
          </span>
        </Link>
      </td>
    </tr>
  );
}
