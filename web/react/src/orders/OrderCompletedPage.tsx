import { unwrap } from '@airtix/web-shared/api';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { formatMoney } from '@airtix/web-shared/format';
import { PageHeading } from '../ui/PageHeading';
import { ProblemMessage } from '../ui/ProblemMessage';
import { TicketSummary } from './TicketSummary';

/** The booking is done: what was bought and for how much. */
export function OrderCompletedPage() {
  const { orderId = '' } = useParams();
  const api = useApi();
  const order = useQuery({
    queryKey: ['order', orderId],
    queryFn: ({ signal }) =>
      unwrap(api.orders.GET('/api/orders/{id}', { params: { path: { id: orderId } }, signal })),
  });

  if (order.isError) {
    return (
      <>
        <PageHeading>Your booking</PageHeading>
        <ProblemMessage error={order.error} />
      </>
    );
  }
  if (!order.data) {
    return (
      <>
        <PageHeading>Your booking</PageHeading>
        <p role="status">Loading your booking…</p>
      </>
    );
  }
  const done = order.data;
  if (done.status !== 'COMPLETED') {
    return (
      <>
        <PageHeading>Your booking</PageHeading>
        <p>
          This order is not booked (yet). <Link to={`/checkout/${orderId}`}>See where it stands</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>Your ticket is booked</PageHeading>
      <div className="notice notice--success" role="status">
        <p>
          Paid {formatMoney(done.price, done.currency)}.{' '}
          {done.refunded
            ? 'The payment came after the order had ended, so the money went back to you.'
            : 'Have a good flight.'}
        </p>
      </div>
      <TicketSummary ticketId={done.ticketId} />
      <p className="field-hint">Order reference: {done.id}</p>
      <p>
        <Link to="/orders">See all my orders</Link> · <Link to="/">Back to the catalogue</Link>
      </p>
    </>
  );
}
