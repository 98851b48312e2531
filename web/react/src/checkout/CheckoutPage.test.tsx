import type { Order, Payment } from '@airtix/web-shared/api';
import { setStorefrontConfig } from '@airtix/web-shared/config';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedIn } from '../test/harness';
import { CheckoutPage } from './CheckoutPage';

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

/** Stripe.js's loader, answering a stand-in of Stripe.js that records what the checkout asks of it. */
const stripeJs = vi.hoisted(() => ({ loadStripe: vi.fn() }));
vi.mock('@stripe/stripe-js', () => stripeJs);

function stripeStandIn(confirmations: unknown[]) {
  const element = { mount: vi.fn(), destroy: vi.fn() };
  const elements = { create: vi.fn(() => element) };
  const stripe = {
    elements: vi.fn(() => elements),
    confirmPayment: vi.fn(async () => confirmations.shift() ?? { paymentIntent: { status: 'succeeded' } }),
  };
  stripeJs.loadStripe.mockResolvedValue(stripe);
  return { stripe, elements, element };
}

const byStripe = (status: Payment['status']): Payment => ({
  ...payment(status),
  provider: 'stripe',
  simulated: false,
  intentId: 'pi_1',
  clientSecret: 'pi_1_secret_2',
});

function show(answers: Parameters<typeof fakeFetch>[0]) {
  const live = fakeLive();
  const fetch = fakeFetch(answers);
  renderPage(<CheckoutPage />, {
    path: '/checkout/o-1',
    route: '/checkout/:orderId',
    fetch,
    live: live.live,
    auth: signedIn,
    otherRoutes: { '/orders/:orderId/completed': <p>booking page</p>, '/orders': <p>orders page</p> },
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

    expect(await screen.findByText('booking page')).toBeInTheDocument();
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

  it('says why an order ended', async () => {
    show({ '/api/orders/o-1': { ...held, status: 'CANCELLED', cancellationReason: 'EXPIRED' } });

    expect(await screen.findByRole('heading', { name: 'This order has ended' })).toBeInTheDocument();
    expect(screen.getByText(/Your hold ended before the ticket was paid/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See the ticket as it is now' })).not.toBeInTheDocument();
  });

  it('says the airline changed the price before the order reached it, and that the money went back', async () => {
    show({
      '/api/orders/o-1': {
        ...held,
        status: 'CANCELLED',
        cancellationReason: 'PRICE_CHANGED',
        refunded: true,
      },
    });

    expect(await screen.findByRole('heading', { name: 'This order has ended' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'The airline changed the price of this ticket just before your order reached it, so the order was cancelled at the old price. You can book the ticket again at its new price. Your payment was refunded in full.',
    );
    expect(screen.getByRole('link', { name: 'See the ticket as it is now' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/tickets\/t-1$/),
    );
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

describe('paying by card through Stripe', () => {
  beforeEach(() => {
    stripeJs.loadStripe.mockReset();
    setStorefrontConfig({
      authority: 'http://localhost:8180/realms/airtix',
      clientId: 'airtix-web',
      stripePublishableKey: 'pk_test_51Airtix',
    });
  });

  it('shows the Payment Element for the payment, pays through it and ends on the paid state', async () => {
    const { stripe, elements, element } = stripeStandIn([
      { paymentIntent: { id: 'pi_1', status: 'succeeded' } },
    ]);
    let settled: Payment['status'] = 'PENDING';
    const { live } = show({
      '/api/orders/o-1': held,
      'POST /api/payments': () => json(byStripe('PENDING'), 201),
      '/api/payments/p-1': () => json(byStripe(settled)),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Pay €149.00' }));

    await waitFor(() => expect(element.mount).toHaveBeenCalled());
    expect(stripeJs.loadStripe).toHaveBeenCalledWith('pk_test_51Airtix');
    expect(stripe.elements).toHaveBeenCalledWith({ clientSecret: 'pi_1_secret_2' });
    expect(elements.create).toHaveBeenCalledWith('payment');
    expect(element.mount.mock.calls[0]?.[0]).toHaveClass('card-payment__element');

    await userEvent.click(await screen.findByRole('button', { name: 'Pay €149.00' }));

    expect(stripe.confirmPayment).toHaveBeenCalledWith({
      elements,
      confirmParams: { return_url: `${window.location.origin}/checkout/o-1` },
      redirect: 'if_required',
    });
    expect(await screen.findByText('Payment received, confirming with your bank…')).toBeInTheDocument();
    settled = 'SUCCEEDED';
    live.send({
      type: 'payment.succeeded',
      channel: 'orders',
      data: { orderId: 'o-1', ticketId: 't-1', airline: 'aerolux' },
    });

    expect(await screen.findByText('Paid €149.00.')).toBeInTheDocument();
    expect(screen.getByText('Payment received. Confirming your booking…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pay €149.00' })).not.toBeInTheDocument();
  });

  it('shows a card’s error as Stripe words it and lets the person try again', async () => {
    const { stripe } = stripeStandIn([
      { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } },
    ]);
    let starts = 0;
    show({
      '/api/orders/o-1': held,
      'POST /api/payments': () => json(byStripe('PENDING'), starts++ === 0 ? 201 : 200),
      '/api/payments/p-1': () => json(byStripe('SUCCEEDED')),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Pay €149.00' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Pay €149.00' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined.');
    const again = screen.getByRole('button', { name: 'Pay €149.00' });
    expect(again).toBeEnabled();
    await userEvent.click(again);

    expect(await screen.findByText('Paid €149.00.')).toBeInTheDocument();
    expect(stripe.confirmPayment).toHaveBeenCalledTimes(2);
    // the payments service was told of the next attempt before it
    expect(starts).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says card payments are not configured where the app has no publishable key', async () => {
    setStorefrontConfig({
      authority: 'http://localhost:8180/realms/airtix',
      clientId: 'airtix-web',
      stripePublishableKey: null,
    });
    show({ '/api/orders/o-1': held, 'POST /api/payments': () => json(byStripe('PENDING'), 201) });

    await userEvent.click(await screen.findByRole('button', { name: 'Pay €149.00' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Card payments are not configured on this Airtix',
    );
    expect(stripeJs.loadStripe).not.toHaveBeenCalled();
  });
});
