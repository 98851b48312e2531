import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedInAs } from '../test/harness';
import EditTicketPage from './EditTicketPage.svelte';
import { requests, ticket } from './fixtures';

function show(answers: Parameters<typeof fakeFetch>[0], shown = ticket) {
  const fetch = fakeFetch({ 'GET /api/tickets/t-1': shown, ...answers });
  const rendered = renderPage(EditTicketPage, {
    path: '/staff/tickets/t-1/edit',
    route: '/staff/tickets/:ticketId/edit',
    fetch,
    live: fakeLive().live,
    auth: signedInAs('aerolux', ['agent']),
    otherRoutes: { '/staff/tickets': 'tickets list' },
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
    const { fetch } = show({ 'PUT /api/tickets/t-1': () => json({ ...ticket, price: 99, version: 4 }) });

    await changePrice('99');

    expect(await screen.findByText('tickets list')).toBeInTheDocument();
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

  it('keeps the version it was read at when the ticket is read again meanwhile', async () => {
    const { fetch, queries } = show({ 'PUT /api/tickets/t-1': () => json({ ...ticket, version: 5 }) });
    await screen.findByLabelText('Price');

    queries.setData(['ticket', 't-1'], { ...ticket, version: 4 });
    await changePrice('99');

    await screen.findByText('tickets list');
    const [put] = requests(fetch, 'PUT');
    expect(((await put?.json()) as { version: number }).version).toBe(3);
  });

  it('says why a sold ticket cannot be changed', async () => {
    show(
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
    show({
      'PUT /api/tickets/t-1': () =>
        json({ status: 423, code: 'TICKET_RESERVED', title: 'Ticket reserved', detail: 'x' }, 423),
    });

    await changePrice('99');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A customer is holding this ticket right now, so it cannot be changed. Try again when the hold ends.',
    );
  });

  it('says so when the ticket is not there', async () => {
    renderPage(EditTicketPage, {
      path: '/staff/tickets/t-2/edit',
      route: '/staff/tickets/:ticketId/edit',
      fetch: fakeFetch({}),
      live: fakeLive().live,
      auth: signedInAs('aerolux', ['agent']),
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find');
  });
});
