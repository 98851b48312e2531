import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthContextProvider, type Auth } from '../auth/AuthProvider';
import { signedIn, signedInAs } from '../test/harness';
import { LiveProvider } from './LiveProvider';

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {}
  send(type: string, body: unknown) {
    const event = new MessageEvent(type, { data: JSON.stringify(body) });
    for (const listener of this.listeners.get(type) ?? []) listener(event as MessageEvent<string>);
  }
  get channels() {
    return new URL(this.url, 'http://localhost:8080').searchParams.getAll('channel');
  }
}

async function connect(auth: Auth) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const invalidated = vi.spyOn(queryClient, 'invalidateQueries');
  render(
    <AuthContextProvider value={auth}>
      <QueryClientProvider client={queryClient}>
        <LiveProvider>
          <p>page</p>
        </LiveProvider>
      </QueryClientProvider>
    </AuthContextProvider>,
  );
  await screen.findByText('page');
  await vi.waitFor(() => expect(FakeEventSource.opened.length).toBeGreaterThan(0));
  return { source: FakeEventSource.opened.at(-1)!, invalidated };
}

describe('the live connection of a member of staff', () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ pass: 'pass-1' }), { status: 201 })),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('follows the airline’s channel besides the catalogue and the person’s orders', async () => {
    const { source } = await connect(signedInAs('aerolux', ['agent']));
    expect(source.channels).toEqual(['catalogue', 'orders', 'airline:aerolux']);
  });

  it('does not follow any airline for a customer', async () => {
    const { source } = await connect(signedIn);
    expect(source.channels).toEqual(['catalogue', 'orders']);
  });

  it('reloads the airline’s pages when its channel says something happened', async () => {
    const { source, invalidated } = await connect(signedInAs('aerolux', ['tenant-admin']));

    act(() =>
      source.send('order.created', {
        type: 'order.created',
        position: 'p-1',
        channel: 'airline:aerolux',
        at: '2026-12-06T21:00:00Z',
        data: { orderId: 'o-1', ticketId: 't-1' },
      }),
    );

    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['airline', 'aerolux'] });
  });

  it('reloads the person’s orders and payments when a payment of theirs went through', async () => {
    const { source, invalidated } = await connect(signedIn);

    act(() =>
      source.send('payment.succeeded', {
        type: 'payment.succeeded',
        position: 'p-2',
        channel: 'orders',
        at: '2026-12-06T21:00:00Z',
        data: { orderId: 'o-1', ticketId: 't-1' },
      }),
    );

    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['orders'] });
    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['order', 'o-1'] });
    expect(invalidated).toHaveBeenCalledWith({ queryKey: ['payments'] });
  });
});
