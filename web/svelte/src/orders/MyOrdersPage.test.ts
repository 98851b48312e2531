import type { Order, OrderPage } from '@airtix/web-shared/api';
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, renderPage, signedIn } from '../test/harness';
import MyOrdersPage from './MyOrdersPage.svelte';
import OrderCompletedPage from './OrderCompletedPage.svelte';

const order = (id: string, extra: Partial<Order> = {}): Order => ({
  id,
  ticketId: 't-1',
  airline: 'aerolux',
  customerId: 'c-1',
  price: 149,
  currency: 'EUR',
  status: 'CREATED',
  cancellationReason: null,
  createdAt: '2026-12-06T21:00:00Z',
  expiresAt: '2026-12-06T21:15:00Z',
  refunded: false,
  refundedAt: null,
  version: 0,
  ...extra,
});

const pageOf = (items: Order[], extra: Partial<OrderPage> = {}): OrderPage => ({
  items,
  page: 0,
  size: 20,
  totalItems: items.length,
  totalPages: 1,
  ...extra,
});

describe('my orders', () => {
  it('lists the orders in a table, each with where it stands and where to go on', async () => {
    const live = fakeLive();
    renderPage(MyOrdersPage, {
      path: '/orders',
      route: '/orders',
      auth: signedIn,
      live: live.live,
      fetch: fakeFetch({
        '/api/orders': pageOf([
          order('o-1'),
          order('o-2', { status: 'COMPLETED' }),
          order('o-3', { status: 'CANCELLED', cancellationReason: 'EXPIRED' }),
        ]),
      }),
    });

    const table = await screen.findByRole('table', { name: 'Your orders, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Held, not paid',
      'Booked',
      'Ended unpaid',
    ]);
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '/svelte/checkout/o-1');
    expect(within(rows[0]!).getByRole('link')).toHaveTextContent(/^Pay now \(order of /);
    expect(within(rows[1]!).getByRole('link', { name: /See booking/ })).toHaveAttribute(
      'href',
      '/svelte/orders/o-2/completed',
    );
  });

  it('keeps the page in the address', async () => {
    const live = fakeLive();
    const fetch = fakeFetch({ '/api/orders': pageOf([order('o-1')], { totalItems: 21, totalPages: 2 }) });
    renderPage(MyOrdersPage, { path: '/orders', route: '/orders', auth: signedIn, live: live.live, fetch });

    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));

    expect(window.location.search).toBe('?page=2');
    expect(new URL((fetch.mock.calls.at(-1)?.[0] as Request).url).searchParams.get('page')).toBe('1');
  });

  it('says so when there are none', async () => {
    const live = fakeLive();
    renderPage(MyOrdersPage, {
      path: '/orders',
      route: '/orders',
      auth: signedIn,
      live: live.live,
      fetch: fakeFetch({ '/api/orders': pageOf([]) }),
    });

    expect(await screen.findByText(/You have no orders yet/)).toBeInTheDocument();
  });
});

describe('a completed order', () => {
  it('shows what was paid for which flight', async () => {
    const live = fakeLive();
    renderPage(OrderCompletedPage, {
      path: '/orders/o-1/completed',
      route: '/orders/:orderId/completed',
      auth: signedIn,
      live: live.live,
      fetch: fakeFetch({
        '/api/orders/o-1': order('o-1', { status: 'COMPLETED' }),
        '/api/tickets/t-1': {
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
          version: 2,
        },
      }),
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Your ticket is booked' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Paid €149.00. Have a good flight.');
    expect(await screen.findByText('aerolux AX101, LUX to CDG')).toBeInTheDocument();
  });
});
