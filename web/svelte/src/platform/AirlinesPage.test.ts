import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { requests } from '../staff/fixtures';
import { fakeFetch, fakeLive, json, renderPage, signedInAs } from '../test/harness';
import AirlinesPage from './AirlinesPage.svelte';

const aerolux = { alias: 'aerolux', name: 'Aerolux' };

function show(answers: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch({ 'GET /api/airlines': { items: [aerolux], page: 0, size: 20 }, ...answers });
  renderPage(AirlinesPage, {
    path: '/platform/airlines',
    route: '/platform/airlines',
    fetch,
    live: fakeLive().live,
    auth: signedInAs(undefined, [], true),
  });
  return fetch;
}

async function fillIn(form: ReturnType<typeof within>) {
  await userEvent.type(form.getByLabelText('Id'), 'skyla');
  await userEvent.type(form.getByLabelText('Name'), 'Skyla Air');
  await userEvent.type(form.getByLabelText('First tenant admin’s email'), 'dee@skyla.example');
  await userEvent.click(form.getByRole('button', { name: 'Create airline' }));
}

describe('the airlines', () => {
  it('lists them', async () => {
    show({});

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'aerolux' })).toBeInTheDocument();
    expect(within(table).getByText('Aerolux')).toBeInTheDocument();
  });

  it('creates an airline and invites its first tenant admin', async () => {
    let created = false;
    const fetch = show({
      'GET /api/airlines': () =>
        json({
          items: created ? [aerolux, { alias: 'skyla', name: 'Skyla Air' }] : [aerolux],
          page: 0,
          size: 20,
        }),
      'POST /api/airlines': () => {
        created = true;
        return json({ alias: 'skyla', name: 'Skyla Air' }, 201);
      },
    });
    await screen.findByRole('table');
    const form = within(screen.getByRole('form', { name: 'New airline' }));

    await fillIn(form);

    expect(await form.findByRole('status')).toHaveTextContent(
      'Skyla Air (skyla) was created. An invitation to be its tenant admin went to dee@skyla.example.',
    );
    const [post] = requests(fetch, 'POST');
    expect(await post?.json()).toEqual({
      alias: 'skyla',
      name: 'Skyla Air',
      firstTenantAdminEmail: 'dee@skyla.example',
    });
    expect(await screen.findByRole('rowheader', { name: 'skyla' })).toBeInTheDocument();
  });

  it('says so when the id is taken', async () => {
    show({
      'POST /api/airlines': () =>
        json({ status: 409, code: 'AIRLINE_EXISTS', title: 'Airline exists', detail: 'x' }, 409),
    });
    await screen.findByRole('table');
    const form = within(screen.getByRole('form', { name: 'New airline' }));

    await fillIn(form);

    expect(await form.findByRole('alert')).toHaveTextContent('An airline with this id exists already.');
  });

  it('asks for every field before sending', async () => {
    const fetch = show({});
    await screen.findByRole('table');
    const form = within(screen.getByRole('form', { name: 'New airline' }));

    await userEvent.click(form.getByRole('button', { name: 'Create airline' }));

    expect(form.getByRole('alert')).toHaveTextContent('Please fill in the id, the name');
    expect(requests(fetch, 'POST')).toHaveLength(0);
  });
});
