import type { Order, Payment } from '@airtix/web-shared/api';
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedIn } from '../test/harness';
import CheckoutPage from './CheckoutPage.svelte';

const held: Order = {
  id: 'o-1',
  ticketId: 't-1',
  airline: 'aerolux',
  customerId: 'c-1',
  price: 149,
  currency: 'EUR',
  status: 'CREATED',
  cancellationReason: null,
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  refunded: false,
  refundedAt: null,
  version: 0,
};

const payment = (status: Payment['status']): Payment => ({
  id: 'p-1',
  orderId: 'o-1',
  airline: 'aerolux',
  customerId: 'c-1',
  amount: 149,
  currency: 'EUR',
  status,
  provider: 'simulated',
  simulated: true,
  intentId: 'sim_1',
  clientSecret: status === 'SUCCEEDED' ? null : 'sim_secret',
  attempt: 1,
  failureReason: status === 'FAILED' ? 'card_declined' : null,
  chargeId: null,
  refundId: null,
  createdAt: held.createdAt,
  updatedAt: held.createdAt,
  version: 0,
});

function show(answers: Parameters<typeof fakeFetch>[0]) {
  const live = fakeLive();
  const fetch = fakeFetch(answers);
  renderPage(CheckoutPage, {
    path: '/checkout/o-1',
    route: '/checkout/:orderId',
    fetch,
    live: live.live,
    auth: signedIn,
    otherRoutes: { '/orders/:orderId/completed': 'booking page', '/orders': 'orders page' },
  });
  return { live, fetch };
}

describe('the checkout', () => {
  it('pays with the simulated provider and shows the booking once the order completed', async () => {
    let order = held;
    const confirmations: unknown[] = [];
    show({
      '/api/orders/o-1': () => json(order),
      'POST /api/payments': () => json(payment('PENDING'), 201),
      'POST /api/payments/p-1/simulated-confirmation': async (request: Request) => {
        confirmations.push(await request.json());
        order = { ...held, status: 'COMPLETED' };
        return json(payment('SUCCEEDED'));
      },
    });

    expect(await screen.findByRole('timer')).toHaveTextContent(/1[45]:\d\d/);
    await userEvent.click(screen.getByRole('button', { name: 'Pay €149.00' }));
    expect(await screen.findByText(/Payments are simulated/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm payment of €149.00' }));

    expect(await screen.findByText('booking page orderId=o-1')).toBeInTheDocument();
    expect(confirmations).toEqual([{ outcome: 'SUCCEEDED' }]);
  });

  it('says a declined card was declined and lets the person try again', async () => {
    let outcome: Payment['status'] = 'FAILED';
    show({
      '/api/orders/o-1': held,
      'POST /api/payments': () => json(payment('PENDING'), 201),
      'POST /api/payments/p-1/simulated-confirmation': () => json(payment(outcome)),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Pay €149.00' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Simulate a declined card' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The payment was declined');
    outcome = 'SUCCEEDED';
    await userEvent.click(screen.getByRole('button', { name: 'Confirm payment of €149.00' }));
    expect(await screen.findByText('Payment received. Confirming your booking…')).toBeInTheDocument();
  });

  it('warns when the live connection says the hold ends soon', async () => {
    const { live } = show({ '/api/orders/o-1': held });
    await screen.findByRole('timer');

    live.send({
      channel: 'orders',
      type: 'order.hold-ending',
      data: { orderId: 'o-2', ticketId: 't-2', airline: 'aerolux' },
    } as Parameters<typeof live.send>[0]);
    expect(screen.queryByText(/Your hold ends soon/)).not.toBeInTheDocument();

    live.send({
      channel: 'orders',
      type: 'order.hold-ending',
      data: { orderId: 'o-1', ticketId: 't-1', airline: 'aerolux' },
    } as Parameters<typeof live.send>[0]);
    expect(screen.getByText('Your hold ends soon: pay now to keep the seat.')).toBeInTheDocument();
  });

  it('says why an order ended', async () => {
    show({ '/api/orders/o-1': { ...held, status: 'CANCELLED', cancellationReason: 'EXPIRED' } });

    expect(await screen.findByRole('heading', { name: 'This order has ended' })).toBeInTheDocument();
    expect(screen.getByText(/Your hold ended before the ticket was paid/)).toBeInTheDocument();
  });

  it('puts a refused payment in words', async () => {
    show({
      '/api/orders/o-1': held,
      'POST /api/payments': () =>
        json({ status: 409, code: 'ORDER_NOT_PAYABLE', reason: 'EXPIRED', title: 'x', detail: 'x' }, 409),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Pay €149.00' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your hold on this ticket has ended, so the order can no longer be paid.',
    );
  });

  it('cancels the order and goes to my orders', async () => {
    show({
      '/api/orders/o-1': held,
      'POST /api/orders/o-1/cancel': () =>
        json({ ...held, status: 'CANCELLED', cancellationReason: 'CUSTOMER' }),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel this order' }));

    expect(await screen.findByText('orders page')).toBeInTheDocument();
  });
});
