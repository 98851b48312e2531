import { unwrap, type Order, type Payment } from '@airtix/web-shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { useLiveMessages } from '../live/LiveProvider';
import { TicketSummary } from '../orders/TicketSummary';
import { formatMoney } from '@airtix/web-shared/format';
import { endedByATicketChange, orderEnding } from '@airtix/web-shared/orders';
import { PageHeading } from '../ui/PageHeading';
import { ProblemMessage } from '../ui/ProblemMessage';
import { HoldCountdown } from './HoldCountdown';
import { PayForOrder } from './PayForOrder';

/** A held order: the hold's countdown, the way to pay it, the way to give it up. */
export function CheckoutPage() {
  const { orderId = '' } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [holdEnding, setHoldEnding] = useState(false);
  const [paying, setPaying] = useState(false);

  const order = useQuery({
    queryKey: ['order', orderId],
    queryFn: ({ signal }) =>
      unwrap(api.orders.GET('/api/orders/{id}', { params: { path: { id: orderId } }, signal })),
    // the order completes when the payment's event reaches the orders service: live messages say so, and a
    // short poll covers a live connection that is down meanwhile
    refetchInterval: (query) => (paying && query.state.data?.status !== 'COMPLETED' ? 2_000 : false),
  });

  useLiveMessages((message) => {
    if (message.channel !== 'orders' || !('orderId' in message.data) || message.data.orderId !== orderId)
      return;
    if (message.type === 'order.hold-ending') setHoldEnding(true);
    // every order message may change the order: its query was invalidated by the LiveProvider
  });

  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.orders.POST('/api/orders/{id}/cancel', { params: { path: { id: orderId } } })),
    onSuccess: (cancelled: Order) => {
      queryClient.setQueryData(['order', orderId], cancelled);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void navigate('/orders');
    },
  });

  if (order.isPending) {
    return (
      <>
        <PageHeading>Your order</PageHeading>
        <p role="status">Loading your order…</p>
      </>
    );
  }
  if (order.isError) {
    return (
      <>
        <PageHeading>Your order</PageHeading>
        <ProblemMessage error={order.error} />
      </>
    );
  }

  const current = order.data;
  if (current.status === 'COMPLETED') return <Navigate to={`/orders/${orderId}/completed`} replace />;

  if (current.status === 'CANCELLED') {
    return (
      <>
        <PageHeading>This order has ended</PageHeading>
        <div className="notice notice--info" role="status">
          <p>{orderEnding(current)}</p>
        </div>
        <TicketSummary ticketId={current.ticketId} />
        {endedByATicketChange(current) && (
          <p>
            <Link to={`/tickets/${current.ticketId}`}>See the ticket as it is now</Link>
          </p>
        )}
        <p>
          <Link to="/">Find another ticket</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading>Pay for your ticket</PageHeading>
      <HoldCountdown
        expiresAt={current.expiresAt}
        onExpired={() => void queryClient.invalidateQueries({ queryKey: ['order', orderId] })}
      />
      {holdEnding && (
        <div className="notice notice--warning" role="status">
          <p>Your hold ends soon: pay now to keep the seat.</p>
        </div>
      )}
      <TicketSummary ticketId={current.ticketId} />
      <p className="total">
        Total: <strong>{formatMoney(current.price, current.currency)}</strong>
      </p>
      <PayForOrder
        order={current}
        onPaid={(payment: Payment) => {
          setPaying(true);
          queryClient.setQueryData(['payment', payment.id], payment);
          void queryClient.invalidateQueries({ queryKey: ['order', orderId] });
        }}
      />
      {paying && (
        <p role="status" className="notice notice--success">
          Payment received. Confirming your booking…
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={cancel.isPending || paying}
          onClick={() => cancel.mutate()}
        >
          {cancel.isPending ? 'Cancelling…' : 'Cancel this order'}
        </button>
      </div>
      {cancel.isError && <ProblemMessage error={cancel.error} />}
    </>
  );
}
