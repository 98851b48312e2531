import { screen } from '@testing-library/vue';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedInAs, stub } from '../test/harness';
import EditTicketPage from './EditTicketPage.vue';
import { requests, ticket } from './fixtures';

async function show(answers: Parameters<typeof fakeFetch>[0], shown = ticket) {
  const fetch = fakeFetch({ 'GET /api/tickets/t-1': shown, ...answers });
  const rendered = await renderPage(EditTicketPage, {
    path: '/staff/tickets/t-1/edit',
    route: '/staff/tickets/:ticketId/edit',
    fetch,
    live: fakeLive().live,
    auth: signedInAs('aerolux', ['agent']),
    otherRoutes: { '/staff/tickets': stub('tickets list') },
  });
  return { fetch, ...rendered };
}

async function changePrice(to: string) {
  const price = await screen.findByLabelText('Price');
  await userEvent.clear(price);
  await userEvent.type(price, to);
  await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
}

describe('changing a ticket', () => {
  it('sends the change with the version it was read at', async () => {
    const { fetch, router } = await show({
      'PUT /api/tickets/t-1': () => json({ ...ticket, price: 99, version: 4 }),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Change AX101 LUX to CDG, seat 12A' }),
    ).toBeInTheDocument();

    await changePrice('99');

    expect(await screen.findByText('tickets list')).toBeInTheDocument();
    expect(router.options.history.state).toMatchObject({ done: 'AX101 LUX to CDG, seat 12A was changed.' });
    const [put] = requests(fetch, 'PUT');
    expect(await put?.json()).toEqual({
      flightNumber: 'AX101',
      origin: 'LUX',
      destination: 'CDG',
      departureTime: '2027-03-14T06:45:00Z',
      cabin: 'ECONOMY',
      seat: '12A',
      price: 99,
      currency: 'EUR',
      version: 3,
    });
  });

  it('keeps the version it was read at when the ticket is fetched again meanwhile', async () => {
    let version = 3;
    const { fetch, cache } = await show({
      'GET /api/tickets/t-1': () => json({ ...ticket, version }),
      'PUT /api/tickets/t-1': () =>
        json({ status: 409, code: 'STALE_VERSION', title: 'Stale version', detail: 'x' }, 409),
    });
    await screen.findByLabelText('Price');

    version = 4;
    cache.invalidate(['ticket', 't-1']);
    await vi.waitFor(() => expect(requests(fetch, 'GET')).toHaveLength(2));
    await changePrice('99');

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    const [put] = requests(fetch, 'PUT');
    expect(await put?.json()).toMatchObject({ version: 3 });
  });

  it('says why a sold ticket cannot be changed', async () => {
    await show(
      {
        'PUT /api/tickets/t-1': () =>
          json({ status: 409, code: 'TICKET_SOLD', title: 'Ticket sold', detail: 'Ticket t-1 is sold' }, 409),
      },
      { ...ticket, status: 'SOLD' },
    );
    expect(await screen.findByText('Sold')).toBeInTheDocument();

    await changePrice('99');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This ticket is sold, so it can no longer be changed.',
    );
    expect(screen.queryByText('tickets list')).not.toBeInTheDocument();
    expect(screen.queryByText(/Ticket t-1 is sold/)).not.toBeInTheDocument();
  });

  it('says why a held ticket cannot be changed now', async () => {
    await show({
      'PUT /api/tickets/t-1': () =>
        json({ status: 423, code: 'TICKET_RESERVED', title: 'Ticket reserved', detail: 'x' }, 423),
    });

    await changePrice('99');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A customer is holding this ticket right now, so it cannot be changed. Try again when the hold ends.',
    );
  });

  it('says so when the ticket is not there', async () => {
    await renderPage(EditTicketPage, {
      path: '/staff/tickets/t-2/edit',
      route: '/staff/tickets/:ticketId/edit',
      fetch: fakeFetch({}),
      live: fakeLive().live,
      auth: signedInAs('aerolux', ['agent']),
      otherRoutes: { '/staff/tickets': stub('tickets list') },
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find');
  });
});
