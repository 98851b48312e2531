import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, fakeLive, json, renderPage, signedInAs } from '../test/harness';
import { page, requests, ticket } from './fixtures';
import StaffTicketsPage from './StaffTicketsPage.svelte';

const sold = { ...ticket, id: 't-2', seat: '14C', status: 'SOLD' as const };

function show(answers: Parameters<typeof fakeFetch>[0], roles: ('agent' | 'auditor')[] = ['agent']) {
  const live = fakeLive();
  const fetch = fakeFetch(answers);
  renderPage(StaffTicketsPage, {
    path: '/staff/tickets',
    route: '/staff/tickets',
    fetch,
    live: live.live,
    auth: signedInAs('aerolux', roles),
  });
  return { fetch, live };
}

describe('the airline’s tickets', () => {
  it('lists the airline’s tickets of every status and follows the airline live', async () => {
    const { fetch, live } = show({ 'GET /api/tickets': page([ticket, sold]) });

    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('Sold')).toBeInTheDocument();
    const [list] = requests(fetch, 'GET');
    expect(new URL(list!.url).searchParams.get('airline')).toBe('aerolux');
    expect(live.followed.at(-1)).toEqual({ airline: ['aerolux'] });
    expect(screen.getByRole('link', { name: 'New ticket' })).toHaveAttribute(
      'href',
      '/svelte/staff/tickets/new',
    );
    expect(screen.getByRole('link', { name: 'Change AX101 LUX to CDG, seat 12A' })).toHaveAttribute(
      'href',
      '/svelte/staff/tickets/t-1/edit',
    );
  });

  it('withdraws a ticket after asking once more', async () => {
    let withdrawn = false;
    const { fetch } = show({
      'GET /api/tickets': () => json(page(withdrawn ? [sold] : [ticket, sold])),
      'DELETE /api/tickets/t-1': () => {
        withdrawn = true;
        return new Response(null, { status: 204 });
      },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw AX101 LUX to CDG, seat 12A' }));
    expect(screen.getByText('Withdraw AX101 LUX to CDG, seat 12A from sale?')).toHaveFocus();
    expect(requests(fetch, 'DELETE')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, withdraw' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'AX101 LUX to CDG, seat 12A was withdrawn from sale.',
    );
    expect(requests(fetch, 'DELETE')[0]?.url).toBe('http://localhost:8080/api/tickets/t-1');
    await expect.poll(() => screen.getAllByRole('row')).toHaveLength(2);
  });

  it('keeps the ticket when the person thinks better of it', async () => {
    const { fetch } = show({ 'GET /api/tickets': page([ticket]) });

    await userEvent.click(await screen.findByRole('button', { name: /^Withdraw/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep on sale' }));

    expect(requests(fetch, 'DELETE')).toHaveLength(0);
    expect(screen.getByRole('button', { name: /^Withdraw/ })).toBeInTheDocument();
  });

  it('says why a held ticket cannot be withdrawn', async () => {
    show({
      'GET /api/tickets': page([ticket]),
      'DELETE /api/tickets/t-1': () =>
        json({ status: 423, code: 'TICKET_RESERVED', title: 'Ticket reserved', detail: 'x' }, 423),
    });

    await userEvent.click(await screen.findByRole('button', { name: /^Withdraw/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, withdraw' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('A customer is holding this ticket right now');
  });

  it('reloads when the catalogue says one of the airline’s tickets was held', async () => {
    let held = false;
    const { live } = show({
      'GET /api/tickets': () => json(page([{ ...ticket, status: held ? 'RESERVED' : 'AVAILABLE' }])),
    });
    expect(await screen.findByText('Available')).toBeInTheDocument();

    held = true;
    live.send({ type: 'ticket.held', data: { ticketId: 't-1', airline: 'aerolux' } });

    expect(await screen.findByText('Held by a traveller')).toBeInTheDocument();
  });

  it('offers an auditor no way to change anything', async () => {
    show({ 'GET /api/tickets': page([ticket]) }, ['auditor']);

    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Withdraw/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /New ticket|Change/ })).not.toBeInTheDocument();
  });
});
