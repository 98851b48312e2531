import type { Order, Payment, PaymentPage, Ticket } from '@airtix/web-shared/api';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedIn } from '../test/harness';
import { MyPaymentsPage } from './MyPaymentsPage';

const ticket: Ticket = {
  id: 't-1',
  airline: 'aerolux',
  flightNumber: 'AX101',
  origin: 'LUX',
  destination: 'CDG',
  departureTime: '2027-03-14T06:45:00Z',
  cabin: 'ECONOMY',
  seat: '12A',
  price: 149,
  currency: 'EUR',
  status: 'SOLD',
  version: 1,
};

const order = (id: string, extra: Partial<Order> = {}): Order => ({
  id,
  ticketId: 't-1',
  airline: 'aerolux',
  customerId: 'c-1',
  price: 149,
  currency: 'EUR',
  status: 'COMPLETED',
  cancellationReason: null,
  createdAt: '2026-12-06T21:00:00Z',
  expiresAt: '2026-12-06T21:15:00Z',
  refunded: false,
  refundedAt: null,
  version: 0,
  ...extra,
});

const payment = (id: string, orderId: string, extra: Partial<Payment> = {}): Payment => ({
  id,
  orderId,
  airline: 'aerolux',
  customerId: 'c-1',
  amount: 149,
  currency: 'EUR',
  status: 'SUCCEEDED',
  provider: 'simulated',
  simulated: true,
  intentId: null,
  clientSecret: null,
  attempt: 1,
  failureReason: null,
  chargeId: 'ch-1',
  refundId: null,
  createdAt: '2026-12-06T21:01:00Z',
  updatedAt: '2026-12-06T21:02:00Z',
  version: 1,
  ...extra,
});

const pageOf = (items: Payment[], extra: Partial<PaymentPage> = {}): PaymentPage => ({
  items,
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
  ...extra,
});

function show(answers: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch(answers);
  renderPage(<MyPaymentsPage />, {
    path: '/payments',
    route: '/payments',
    fetch,
    live: fakeLive().live,
    auth: signedIn,
  });
  return { fetch };
}

async function rows() {
  const table = await screen.findByRole('table', { name: 'Your payments, newest first' });
  return within(table).getAllByRole('row').slice(1);
}

describe('my payments', () => {
  it('names the flight each payment was for, where it stands and why, and leads to its order', async () => {
    show({
      '/api/payments': pageOf([
        payment('p-1', 'o-1'),
        payment('p-2', 'o-2', { status: 'FAILED', failureReason: 'Your card was declined.', chargeId: null }),
        payment('p-3', 'o-3', { status: 'REFUNDED', refundId: 're-1' }),
        payment('p-4', 'o-4', { status: 'PENDING', chargeId: null }),
      ]),
      '/api/orders/o-1': order('o-1'),
      '/api/orders/o-2': order('o-2', { status: 'CANCELLED', cancellationReason: 'UNPAID' }),
      '/api/orders/o-3': order('o-3', { status: 'CANCELLED', refunded: true }),
      '/api/orders/o-4': order('o-4', { status: 'AWAITING_PAYMENT' }),
      '/api/tickets/t-1': ticket,
    });

    const [paid, failed, refunded, pending] = await rows();
    expect(await within(paid!).findByRole('rowheader', { name: /^AX101/ })).toHaveTextContent(
      'AX101 LUX → CDG Sun, 14 Mar 2027, 06:45 UTC',
    );
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(paid!).slice(1, 4)).toEqual(['€149.00', 'Paid', 'Charged to your card.']);
    expect(cells(failed!).slice(2, 4)).toEqual(['Failed', 'Your card was declined.']);
    expect(cells(refunded!).slice(2, 4)).toEqual(['Refunded', 'The amount was paid back to your card.']);
    expect(cells(pending!).slice(2, 4)).toEqual(['Pending', 'Waiting for the card’s answer.']);

    expect(await within(paid!).findByRole('link', { name: /See booking/ })).toHaveAttribute(
      'href',
      '/orders/o-1/completed',
    );
    expect(within(paid!).getByRole('link')).toHaveTextContent('See booking (payment for AX101 LUX → CDG)');
    expect(within(failed!).getByRole('link')).toHaveAttribute('href', '/checkout/o-2');
    expect(within(failed!).getByRole('link')).toHaveTextContent(/^See order/);
    expect(within(pending!).getByRole('link')).toHaveAttribute('href', '/checkout/o-4');
  });

  it('still lists a payment whose order cannot be read', async () => {
    show({
      '/api/payments': pageOf([payment('p-1', 'o-gone')]),
      '/api/orders/o-gone': () => json({ status: 404, code: 'ORDER_NOT_FOUND', title: 'Not found' }, 404),
    });

    const [row] = await rows();
    expect(await within(row!).findByText('Flight unavailable')).toBeInTheDocument();
    expect(within(row!).getByRole('link')).toHaveTextContent(/^See order \(payment of .+\)$/);
    expect(within(row!).getByRole('link')).toHaveAttribute('href', '/checkout/o-gone');
  });

  it('keeps the page in the address', async () => {
    const { fetch } = show({
      '/api/payments': pageOf([payment('p-1', 'o-1')], { totalItems: 21, totalPages: 2 }),
      '/api/orders/o-1': order('o-1'),
      '/api/tickets/t-1': ticket,
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));

    const pages = fetch.mock.calls
      .map(([request]) => new URL((request as Request).url))
      .filter((url) => url.pathname === '/api/payments')
      .map((url) => url.searchParams.get('page'));
    expect(pages).toEqual(['0', '1']);
  });

  it('says so when there are none, and where the orders are', async () => {
    show({ '/api/payments': pageOf([]) });

    expect(await screen.findByText(/You have made no payments yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See your orders' })).toHaveAttribute('href', '/orders');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says what went wrong when the payments cannot be read', async () => {
    show({
      '/api/payments': () =>
        json({ status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Service unavailable' }, 503),
    });

    expect(await screen.findByRole('alert')).not.toHaveTextContent('{');
  });
});
