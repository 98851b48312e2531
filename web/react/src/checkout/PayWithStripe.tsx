import { unwrap, type Order, type Payment } from '@airtix/web-shared/api';
import { storefrontConfig } from '@airtix/web-shared/config';
import { formatMoney } from '@airtix/web-shared/format';
import { sentenceFor } from '@airtix/web-shared/problems';
import {
  CARD_FORM_UNAVAILABLE,
  followPayment,
  mountCardForm,
  type CardForm,
} from '@airtix/web-shared/stripe-checkout';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { appUrl } from '../auth/oidc';
import { useLiveMessages } from '../live/LiveProvider';

type Phase = 'loading' | 'unavailable' | 'ready' | 'confirming' | 'received' | 'paid';

/**
 * A payment through Stripe: Stripe's Payment Element for the payment's `clientSecret` (web/shared's
 * stripeCheckout), "Pay" confirms it; Stripe's error is shown as Stripe words it and the person may try
 * again; once Stripe took it, the payment is followed (a short poll, sped up by live messages) until the
 * payments service has heard from Stripe, then `onPaid`. Without a publishable key in the app's settings,
 * says cards cannot be taken.
 */
export function PayWithStripe({
  order,
  payment,
  onPaid,
}: {
  order: Order;
  payment: Payment;
  onPaid: (payment: Payment) => void;
}) {
  const api = useApi();
  const publishableKey = storefrontConfig().stripePublishableKey;
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<CardForm | undefined>(undefined);
  const following = useRef<{ refresh(): void; stop(): void } | undefined>(undefined);
  const attempted = useRef(false);
  const [phase, setPhase] = useState<Phase>('loading');
  const [problem, setProblem] = useState<string | undefined>();
  const clientSecret = payment.clientSecret;

  useEffect(() => {
    if (!publishableKey || !container.current) return;
    if (!clientSecret) {
      setPhase('unavailable');
      return;
    }
    let gone = false;
    mountCardForm({ publishableKey, clientSecret, container: container.current }).then(
      (mounted) => {
        if (gone) return mounted.destroy();
        form.current = mounted;
        setPhase('ready');
      },
      () => {
        if (!gone) setPhase('unavailable');
      },
    );
    return () => {
      gone = true;
      form.current?.destroy();
      form.current = undefined;
    };
  }, [publishableKey, clientSecret]);

  useEffect(() => () => following.current?.stop(), []);

  useLiveMessages((message) => {
    if (message.channel !== 'orders' || !('orderId' in message.data) || message.data.orderId !== order.id)
      return;
    if (message.type === 'payment.succeeded' || message.type === 'payment.failed')
      following.current?.refresh();
  });

  async function pay() {
    const card = form.current;
    if (!card) return;
    setPhase('confirming');
    setProblem(undefined);
    if (attempted.current) {
      // after a decline the payments service starts the next attempt, on the same intent and client secret
      try {
        await unwrap(api.payments.POST('/api/payments', { body: { orderId: order.id } }));
      } catch (error) {
        setProblem(sentenceFor(error));
        setPhase('ready');
        return;
      }
    }
    attempted.current = true;
    const confirmation = await card.confirm(appUrl(`checkout/${order.id}`));
    if (confirmation.kind === 'error') {
      setProblem(confirmation.message);
      setPhase('ready');
      return;
    }
    setPhase('received');
    following.current = followPayment(
      () => unwrap(api.payments.GET('/api/payments/{id}', { params: { path: { id: payment.id } } })),
      (settled) => {
        if (settled.status === 'SUCCEEDED') {
          setPhase('paid');
          onPaid(settled);
        } else {
          setProblem('The payment was declined. You can try again while your seat is held.');
          setPhase('ready');
        }
      },
    );
  }

  const amount = formatMoney(order.price, order.currency);

  if (!publishableKey) {
    return (
      <div className="notice notice--info" role="status">
        <p>
          Card payments are not configured on this Airtix, so this order cannot be paid here. Your seat stays
          held until the countdown ends.
        </p>
      </div>
    );
  }

  return (
    <div className="card-payment">
      {phase === 'loading' && <p role="status">Loading the card form…</p>}
      {phase === 'unavailable' && (
        <div className="notice notice--danger" role="alert">
          <p>{CARD_FORM_UNAVAILABLE}</p>
        </div>
      )}
      <div
        ref={container}
        className="card-payment__element"
        hidden={phase === 'unavailable' || phase === 'paid'}
      />
      {problem && (
        <div className="notice notice--danger" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {phase === 'received' && (
        <p role="status" className="notice notice--info">
          Payment received, confirming with your bank…
        </p>
      )}
      {phase === 'paid' && <p>Paid {amount}.</p>}
      {(phase === 'ready' || phase === 'confirming') && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={phase === 'confirming'}
            onClick={() => void pay()}
          >
            {phase === 'confirming' ? 'Paying…' : `Pay ${amount}`}
          </button>
        </div>
      )}
    </div>
  );
}
