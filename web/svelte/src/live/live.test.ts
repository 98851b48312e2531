import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryCache } from '../api/queries.svelte';
import type { Auth } from '../auth/auth.svelte';
import { signedIn, signedInAs, signedOut } from '../test/harness';
import { AppLive, staffChannelsKey } from './live.svelte';

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

describe('the live connection of a member of staff', () => {
  const stops: (() => void)[] = [];

  async function connect(auth: Auth) {
    const queries = new QueryCache();
    const invalidated = vi.spyOn(queries, 'invalidate');
    const live = new AppLive(auth, queries);
    const stop = live.connect(auth.status, staffChannelsKey(auth));
    if (stop) stops.push(stop);
    await vi.waitFor(() => expect(FakeEventSource.opened.length).toBeGreaterThan(0));
    return { source: FakeEventSource.opened.at(-1)!, invalidated };
  }

  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ pass: 'pass-1' }), { status: 201 })),
    );
  });

  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.unstubAllGlobals();
  });

  it('follows the airline’s channel besides the catalogue and the person’s orders', async () => {
    const { source } = await connect(signedInAs('aerolux', ['agent']));
    expect(source.channels).toEqual(['catalogue', 'orders', 'airline:aerolux']);
  });

  it('does not follow any airline for a customer', async () => {
    const { source } = await connect(signedIn);
    expect(source.channels).toEqual(['catalogue', 'orders']);
  });

  it('names the airline channels by value, none when signed out', () => {
    expect(staffChannelsKey(signedInAs('aerolux', ['auditor']))).toBe('airline:aerolux');
    expect(staffChannelsKey(signedInAs(undefined, [], true))).toBe('');
    expect(staffChannelsKey({ ...signedOut, access: signedInAs('aerolux', ['agent']).access })).toBe('');
  });

  it('reloads the airline’s pages when its channel says something happened', async () => {
    const { source, invalidated } = await connect(signedInAs('aerolux', ['tenant-admin']));

    source.send('order.created', {
      type: 'order.created',
      position: 'p-1',
      channel: 'airline:aerolux',
      at: '2026-12-06T21:00:00Z',
      data: { orderId: 'o-1', ticketId: 't-1' },
    });

    expect(invalidated).toHaveBeenCalledWith(['airline', 'aerolux']);
  });

  it('reloads the person’s orders and payments when a payment of theirs went through', async () => {
    const { source, invalidated } = await connect(signedIn);

    source.send('payment.succeeded', {
      type: 'payment.succeeded',
      position: 'p-2',
      channel: 'orders',
      at: '2026-12-06T21:00:00Z',
      data: { orderId: 'o-1', ticketId: 't-1' },
    });

    expect(invalidated).toHaveBeenCalledWith(['orders']);
    expect(invalidated).toHaveBeenCalledWith(['order', 'o-1']);
    expect(invalidated).toHaveBeenCalledWith(['payments']);
  });
});
