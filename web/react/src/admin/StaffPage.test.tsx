import type { StaffMember } from '@airtix/web-shared/api';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page, requests } from '../staff/fixtures';
import { fakeFetch, fakeLive, json, renderPage, signedInAs } from '../test/harness';
import { StaffPage } from './StaffPage';

const ana: StaffMember = {
  id: 'u-1',
  username: 'ana',
  email: 'ana@aerolux.example',
  firstName: 'Ana',
  lastName: 'Lima',
  enabled: true,
  roles: ['agent'],
  suspended: false,
  pendingActions: [],
};

const invitation = {
  id: 'i-1',
  email: 'bo@aerolux.example',
  roles: ['auditor'],
  status: 'PENDING',
  sentAt: '2026-12-06T20:00:00Z',
  expiresAt: '2026-12-13T20:00:00Z',
};

function show(answers: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch({
    'GET /api/airlines/aerolux/staff': page([ana]),
    'GET /api/airlines/aerolux/staff/invitations': [invitation],
    ...answers,
  });
  renderPage(<StaffPage />, {
    path: '/admin/staff',
    route: '/admin/staff',
    fetch,
    live: fakeLive().live,
    auth: signedInAs('aerolux', ['tenant-admin']),
  });
  return fetch;
}

const card = async (name: string) => (await screen.findByRole('heading', { name })).closest('li')!;

describe('the airline’s staff', () => {
  it('lists the staff with their roles and standing, the open invitations and the Keycloak console', async () => {
    show({});

    const ana = within(await card('Ana Lima'));
    expect(ana.getByText('Agent')).toBeInTheDocument();
    expect(ana.getByText('Active')).toBeInTheDocument();
    const invitations = await screen.findByRole('table', { name: 'Open invitations to aerolux' });
    expect(within(invitations).getByText('bo@aerolux.example')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Keycloak admin console/ })).toHaveAttribute(
      'href',
      'http://localhost:8180/admin/airtix/console/',
    );
  });

  it('invites someone with the roles chosen', async () => {
    const fetch = show({
      'POST /api/airlines/aerolux/staff': () =>
        json({ ...invitation, id: 'i-2', email: 'cy@aerolux.example', roles: ['agent', 'auditor'] }, 202),
    });
    await card('Ana Lima');
    const form = within(screen.getByRole('form', { name: 'Invite someone' }));

    await userEvent.type(form.getByLabelText('Email address'), 'cy@aerolux.example');
    await userEvent.click(form.getByRole('checkbox', { name: 'Auditor' }));
    await userEvent.click(form.getByRole('button', { name: 'Send invitation' }));

    expect(await form.findByRole('status')).toHaveTextContent(
      'Invitation sent to cy@aerolux.example. The roles apply once it is accepted.',
    );
    const [sent] = requests(fetch, 'POST');
    expect(await sent?.json()).toEqual({ email: 'cy@aerolux.example', roles: ['agent', 'auditor'] });
  });

  it('says so when the person works for the airline with other roles', async () => {
    show({
      'POST /api/airlines/aerolux/staff': () =>
        json({ status: 409, code: 'ALREADY_STAFF', title: 'Already staff', detail: 'x' }, 409),
    });
    await card('Ana Lima');
    const form = within(screen.getByRole('form', { name: 'Invite someone' }));

    await userEvent.type(form.getByLabelText('Email address'), 'ana@aerolux.example');
    await userEvent.click(form.getByRole('button', { name: 'Send invitation' }));

    expect(await form.findByRole('alert')).toHaveTextContent('This person already works for the airline.');
  });

  it('changes a member’s roles', async () => {
    const fetch = show({
      'PUT /api/airlines/aerolux/staff/u-1/roles': () => json({ ...ana, roles: ['agent', 'tenant-admin'] }),
    });
    const ana = within(await card('Ana Lima'));

    await userEvent.click(ana.getByRole('button', { name: 'Change roles of Ana Lima' }));
    const roles = within(ana.getByRole('group', { name: 'Roles of Ana Lima' }));
    expect(roles.getByRole('checkbox', { name: 'Agent' })).toBeChecked();
    await userEvent.click(roles.getByRole('checkbox', { name: 'Tenant admin' }));
    await userEvent.click(ana.getByRole('button', { name: 'Save roles' }));

    expect(await ana.findByRole('status')).toHaveTextContent('Ana Lima now holds: Tenant admin, Agent.');
    const [put] = requests(fetch, 'PUT');
    expect(await put?.json()).toEqual({ roles: ['tenant-admin', 'agent'] });
  });

  it('says why the last tenant admin cannot be suspended', async () => {
    show({
      'POST /api/airlines/aerolux/staff/u-1/suspend': () =>
        json({ status: 409, code: 'LAST_TENANT_ADMIN', title: 'Last tenant admin', detail: 'x' }, 409),
    });
    const ana = within(await card('Ana Lima'));

    await userEvent.click(ana.getByRole('button', { name: 'Suspend Ana Lima' }));

    expect(await ana.findByRole('alert')).toHaveTextContent(
      'The airline must keep at least one administrator.',
    );
  });

  it('ends a member’s sessions', async () => {
    const fetch = show({
      'DELETE /api/airlines/aerolux/staff/u-1/sessions': () => new Response(null, { status: 204 }),
    });
    const ana = within(await card('Ana Lima'));

    await userEvent.click(ana.getByRole('button', { name: 'End all sessions of Ana Lima' }));

    expect(await ana.findByRole('status')).toHaveTextContent('Every session of Ana Lima was ended.');
    expect(requests(fetch, 'DELETE')[0]?.url).toBe(
      'http://localhost:8080/api/airlines/aerolux/staff/u-1/sessions',
    );
  });

  it('withdraws an invitation', async () => {
    let withdrawn = false;
    const fetch = show({
      'GET /api/airlines/aerolux/staff/invitations': () => json(withdrawn ? [] : [invitation]),
      'DELETE /api/airlines/aerolux/staff/invitations/i-1': () => {
        withdrawn = true;
        return new Response(null, { status: 204 });
      },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Withdraw the invitation to bo@aerolux.example' }),
    );

    expect(
      await screen.findByText('The invitation to bo@aerolux.example was withdrawn.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('No invitation is waiting for an answer.')).toBeInTheDocument();
    expect(requests(fetch, 'DELETE')).toHaveLength(1);
  });

  it('shows a refusal by the API as a sentence', async () => {
    show({
      'GET /api/airlines/aerolux/staff': () =>
        json({ status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail: 'x' }, 403),
    });

    expect(await screen.findByText('Your account is not allowed to do this.')).toBeInTheDocument();
  });
});
