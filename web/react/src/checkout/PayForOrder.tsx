import { unwrap, type Order, type Payment, type SimulatedOutcome } from '@airtix/web-shared/api';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { formatMoney } from '@airtix/web-shared/format';
import { ProblemMessage } from '../ui/ProblemMessage';
import { PayWithStripe } from './PayWithStripe';

/**
 * Paying an order: `POST /api/payments` starts (or finds) the order's payment; with the simulated provider
 * (no Stripe key on the payments service) the person then answers as their card would, through
 * `POST /api/payments/{id}/simulated-confirmation`. With Stripe, Stripe's Payment Element takes the card
 * (`PayWithStripe`).
 */
export function PayForOrder({ order, onPaid }: { order: Order; onPaid: (payment: Payment) => void }) {
  const api = useApi();
  const [payment, setPayment] = useState<Payment | undefined>();

  const start = useMutation({
    mutationFn: () => unwrap(api.payments.POST('/api/payments', { body: { orderId: order.id } })),
    onSuccess: (started) => {
      setPayment(started);
      if (started.status === 'SUCCEEDED') onPaid(started);
    },
  });

  const confirm = useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: SimulatedOutcome }) =>
      unwrap(
        api.payments.POST('/api/payments/{id}/simulated-confirmation', {
          params: { path: { id } },
          body: { outcome },
        }),
      ),
    onSuccess: (confirmed) => {
      setPayment(confirmed);
      if (confirmed.status === 'SUCCEEDED') onPaid(confirmed);
    },
  });

  const amount = formatMoney(order.price, order.currency);

  if (!payment) {
    return (
      <section className="payment" aria-labelledby="payment-title">
        <h2 id="payment-title">Payment</h2>
        <button
          type="button"
          className="button button--primary"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          {start.isPending ? 'Starting the payment…' : `Pay ${amount}`}
        </button>
        {start.isError && <ProblemMessage error={start.error} />}
      </section>
    );
  }

  if (payment.status === 'SUCCEEDED') {
    return (
      <section className="payment" aria-labelledby="payment-title">
        <h2 id="payment-title">Payment</h2>
        <p>Paid {amount}.</p>
      </section>
    );
  }

  if (!payment.simulated) {
    return (
      <section className="payment" aria-labelledby="payment-title">
        <h2 id="payment-title">Payment</h2>
        <PayWithStripe order={order} payment={payment} onPaid={onPaid} />
      </section>
    );
  }

  return (
    <section className="payment" aria-labelledby="payment-title">
      <h2 id="payment-title">Payment</h2>
      <p className="notice notice--info">
        Payments are simulated on this Airtix: no money moves. Answer as your bank would.
      </p>
      {payment.status === 'FAILED' && (
        <div className="notice notice--danger" role="alert">
          <p>The payment was declined. You can try again while your seat is held.</p>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={confirm.isPending}
          onClick={() => confirm.mutate({ id: payment.id, outcome: 'SUCCEEDED' })}
        >
          {confirm.isPending ? 'Paying…' : `Confirm payment of ${amount}`}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={confirm.isPending}
          onClick={() => confirm.mutate({ id: payment.id, outcome: 'FAILED' })}
        >
          Simulate a declined card
        </button>
      </div>
      {confirm.isError && <ProblemMessage error={confirm.error} />}
    </section>
  );
}
