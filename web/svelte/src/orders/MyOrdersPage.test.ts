import type { Order, OrderPage, Ticket } from '@airtix/web-shared/api';
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedIn } from '../test/harness';
import MyOrdersPage from './MyOrdersPage.svelte';
import OrderCompletedPage from './OrderCompletedPage.svelte';

const ticket = (id: string, extra: Partial<Ticket> = {}): Ticket => ({
  id,
  airline: 'aerolux',
  flightNumber: 'AX101',
  origin: 'LUX',
  destination: 'CDG',
  departureTime: '2027-03-14T06:45:00Z',
  cabin: 'ECONOMY',
  seat: '12A',
  price: 149,
  currency: 'EUR',
  status: 'RESERVED',
  version: 1,
  ...extra,
});

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

function show(answers: Parameters<typeof fakeFetch>[0]) {
  const live = fakeLive();
  const fetch = fakeFetch(answers);
  renderPage(MyOrdersPage, { path: '/orders', route: '/orders', fetch, live: live.live, auth: signedIn });
  return { fetch };
}

async function rows() {
  const table = await screen.findByRole('table', { name: 'Your orders, newest first' });
  return within(table).getAllByRole('row').slice(1);
}

const ticketReads = (fetch: ReturnType<typeof fakeFetch>) =>
  fetch.mock.calls.filter(([request]) =>
    new URL((request as Request).url).pathname.startsWith('/api/tickets/'),
  );

describe('my orders', () => {
  it('names each order’s flight, with where it stands and where to go on', async () => {
    const { fetch } = show({
      '/api/orders': pageOf([
        order('o-1', { ticketId: 't-2' }),
        order('o-2', { status: 'COMPLETED' }),
        order('o-3', { status: 'CANCELLED', cancellationReason: 'EXPIRED' }),
      ]),
      '/api/tickets/t-1': ticket('t-1'),
      '/api/tickets/t-2': ticket('t-2', {
        flightNumber: 'AX202',
        origin: 'CDG',
        destination: 'LUX',
        departureTime: '2027-03-20T18:10:00Z',
      }),
    });

    const [held, booked, ended] = await rows();
    expect(screen.getAllByRole('columnheader')[0]).toHaveTextContent('Flight');
    expect(screen.getByRole('table', { name: 'Your orders, newest first' })).toBeInTheDocument();
    expect(await within(held!).findByRole('rowheader', { name: /^AX202/ })).toHaveTextContent(
      'AX202 CDG → LUX Sat, 20 Mar 2027, 18:10 UTC',
    );
    expect(await within(booked!).findByRole('rowheader', { name: /^AX101/ })).toHaveTextContent(
      'AX101 LUX → CDG Sun, 14 Mar 2027, 06:45 UTC',
    );
    expect(within(ended!).getByRole('rowheader')).toHaveTextContent('AX101 LUX → CDG');
    expect([held, booked, ended].map((row) => within(row!).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Held, not paid',
      'Booked',
      'Ended unpaid',
    ]);
    expect(within(held!).getByRole('link')).toHaveTextContent('Pay now (order for AX202 CDG → LUX)');
    expect(within(held!).getByRole('link')).toHaveAttribute('href', '/svelte/checkout/o-1');
    expect(within(booked!).getByRole('link')).toHaveTextContent('See booking (order for AX101 LUX → CDG)');
    expect(within(booked!).getByRole('link')).toHaveAttribute('href', '/svelte/orders/o-2/completed');
    expect(within(ended!).getByRole('link')).toHaveTextContent('Details (order for AX101 LUX → CDG)');
    // the booking page's ticket: one read for both orders of t-1
    expect(ticketReads(fetch).map(([request]) => (request as Request).url)).toEqual([
      'http://localhost:8080/api/tickets/t-2',
      'http://localhost:8080/api/tickets/t-1',
    ]);
  });

  it('says which orders the airline ended by changing or withdrawing their ticket', async () => {
    show({
      '/api/orders': pageOf([
        order('o-1', { status: 'CANCELLED', cancellationReason: 'PRICE_CHANGED' }),
        order('o-2', { status: 'CANCELLED', cancellationReason: 'TICKET_WITHDRAWN' }),
      ]),
      '/api/tickets/t-1': ticket('t-1'),
    });

    const shown = await rows();
    expect(shown.map((row) => within(row!).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Price changed',
      'Withdrawn',
    ]);
  });

  it('shows that the flight is loading, then the flight', async () => {
    let answer: (response: Response) => void = () => undefined;
    show({
      '/api/orders': pageOf([order('o-1')]),
      '/api/tickets/t-1': () => new Promise<Response>((resolve) => (answer = resolve)),
    });

    const [row] = await rows();
    expect(within(row!).getByRole('rowheader')).toHaveTextContent('…Loading the flight');
    expect(within(row!).getByText('…')).toHaveAttribute('aria-hidden', 'true');
    expect(within(row!).getByRole('link')).toHaveTextContent(/^Pay now \(order of .+\)$/);

    answer(json(ticket('t-1')));

    expect(await within(row!).findByRole('rowheader', { name: /^AX101 LUX → CDG/ })).toHaveTextContent(
      'AX101 LUX → CDG Sun, 14 Mar 2027, 06:45 UTC',
    );
    expect(within(row!).getByRole('link')).toHaveTextContent('Pay now (order for AX101 LUX → CDG)');
  });

  it('says the flight is unavailable when its ticket cannot be read, and still leads on', async () => {
    show({
      '/api/orders': pageOf([order('o-1', { ticketId: 't-gone' }), order('o-2')]),
      '/api/tickets/t-1': ticket('t-1'),
      '/api/tickets/t-gone': () => json({ status: 404, code: 'TICKET_NOT_FOUND', title: 'Not found' }, 404),
    });

    const [gone, known] = await rows();
    expect(await within(gone!).findByText('Flight unavailable')).toBeInTheDocument();
    expect(within(gone!).getByRole('link')).toHaveTextContent(/^Pay now \(order of .+\)$/);
    expect(within(gone!).getByRole('link')).toHaveAttribute('href', '/svelte/checkout/o-1');
    expect(await within(known!).findByRole('link', { name: /order for AX101 LUX → CDG/ })).toHaveTextContent(
      'Pay now (order for AX101 LUX → CDG)',
    );
  });

  it('keeps the page in the address', async () => {
    const live = fakeLive();
    const fetch = fakeFetch({
      '/api/orders': pageOf([order('o-1')], { totalItems: 21, totalPages: 2 }),
      '/api/tickets/t-1': ticket('t-1'),
    });
    renderPage(MyOrdersPage, { path: '/orders', route: '/orders', auth: signedIn, live: live.live, fetch });

    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));

    expect(window.location.search).toBe('?page=2');
    const pages = fetch.mock.calls
      .map(([request]) => new URL((request as Request).url))
      .filter((url) => url.pathname === '/api/orders')
      .map((url) => url.searchParams.get('page'));
    expect(pages.at(-1)).toBe('1');
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
