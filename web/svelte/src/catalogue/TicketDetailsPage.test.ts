import type { Order, Ticket } from '@airtix/web-shared/api';
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedIn, signedOut } from '../test/harness';
import TicketDetailsPage from './TicketDetailsPage.svelte';

const ticket: Ticket = {
  id: 't-1',
  airline: 'aerolux',
  flightNumber: 'AX101',
  origin: 'LUX',
  destination: 'CDG',
  departureTime: '2027-03-14T06:45:00Z',
  cabin: 'ECONOMY',
  seat: '12A',
  price: 129,
  currency: 'EUR',
  status: 'AVAILABLE',
  version: 1,
};

const order: Order = {
  id: 'o-1',
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
};

function show(answers: Parameters<typeof fakeFetch>[0], auth = signedIn) {
  const live = fakeLive();
  const fetch = fakeFetch({ '/api/tickets/t-1': ticket, ...answers });
  renderPage(TicketDetailsPage, {
    path: '/tickets/t-1',
    route: '/tickets/:ticketId',
    fetch,
    live: live.live,
    auth,
    otherRoutes: { '/checkout/:orderId': 'checkout page' },
  });
  return { live, fetch };
}

describe('a ticket’s details', () => {
  it('reserves at the price shown and goes to the checkout', async () => {
    const { fetch } = show({ 'POST /api/orders': () => json(order, 201) });

    await userEvent.click(await screen.findByRole('button', { name: 'Reserve for €129.00' }));

    expect(await screen.findByText('checkout page orderId=o-1')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/svelte/checkout/o-1');
    const reserve = fetch.mock.calls
      .map(([request]) => request as Request)
      .find((request) => request.method === 'POST');
    expect(await reserve?.json()).toEqual({ ticketId: 't-1', price: 129, currency: 'EUR' });
    expect(reserve?.headers.get('Authorization')).toBe('Bearer token');
  });

  it('takes the focus to its heading once the ticket is shown', async () => {
    show({});

    expect(await screen.findByRole('heading', { level: 1, name: 'LUX to CDG, aerolux AX101' })).toHaveFocus();
  });

  it('after a price change refused the reservation, offers the new price', async () => {
    let attempts = 0;
    show({
      'POST /api/orders': () =>
        ++attempts === 1
          ? json(
              {
                status: 409,
                code: 'PRICE_CHANGED',
                title: 'Price changed',
                detail: 'x',
                currentPrice: 149,
                currency: 'EUR',
              },
              409,
            )
          : json(order, 201),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Reserve for €129.00' }));

    expect(await screen.findByText('Price went up from €129.00 to €149.00.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reserve for/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reserve at €149.00' }));
    expect(await screen.findByText(/checkout page/)).toBeInTheDocument();
    expect(attempts).toBe(2);
  });

  it('says the seat was taken when someone else holds it', async () => {
    show({
      'POST /api/orders': () =>
        json({ status: 409, code: 'TICKET_UNAVAILABLE', title: 'Ticket unavailable', detail: 'x' }, 409),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Reserve for €129.00' }));

    expect(await screen.findByText(/Someone else is holding this seat right now/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reserve/ })).not.toBeInTheDocument();
  });

  it('follows the ticket live: held by someone else, then back on sale', async () => {
    const { live } = show({});
    await screen.findByRole('button', { name: 'Reserve for €129.00' });
    expect(live.followed.at(-1)).toEqual({ ticket: ['t-1'] });

    live.send({ type: 'ticket.held', data: { ticketId: 't-1', airline: 'aerolux' } });
    expect(await screen.findByText(/Someone else is holding this seat right now/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Reserve/ })).not.toBeInTheDocument();

    live.send({ type: 'ticket.released', data: { ticketId: 't-1', airline: 'aerolux' } });
    expect(await screen.findByRole('button', { name: 'Reserve for €129.00' })).toBeInTheDocument();
  });

  it('asks a signed-out person to sign in, and brings them back here', async () => {
    show({}, signedOut);

    await userEvent.click(await screen.findByRole('button', { name: 'Sign in to reserve' }));

    expect(signedOut.signIn).toHaveBeenCalledWith('/tickets/t-1');
  });

  it('says so when the ticket does not exist', async () => {
    const live = fakeLive();
    renderPage(TicketDetailsPage, {
      path: '/tickets/t-2',
      route: '/tickets/:ticketId',
      fetch: fakeFetch({}),
      live: live.live,
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find what you asked for');
  });
});
