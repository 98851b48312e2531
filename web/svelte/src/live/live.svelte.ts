import {
  LiveClient,
  type LiveMessage,
  type LiveStatus,
  type LiveSubscription,
} from '@airtix/web-shared/live';
import { airlineChannels } from '@airtix/web-shared/access';
import type { CatalogueFilters } from '@airtix/web-shared/live-catalogue';
import { getContext, setContext, untrack } from 'svelte';
import type { QueryCache } from '../api/queries.svelte';
import type { Auth } from '../auth/auth.svelte';

export type { CatalogueFilters };

export interface Live {
  readonly status: LiveStatus;
  /** Every message with a position; returns what stops listening. */
  subscribe: (listener: (message: LiveMessage) => void) => () => void;
  /** Called after a resync, once the queries were invalidated: reset what was derived from messages. */
  onResync: (listener: () => void) => () => void;
  /** Narrows the catalogue to what the page shows. */
  follow: (filters: CatalogueFilters) => void;
}

function subscriptionOf(filters: CatalogueFilters, signedIn: boolean, staff: string[]): LiveSubscription {
  return { ...filters, channels: signedIn ? ['catalogue', 'orders', ...staff] : ['catalogue'] };
}

/**
 * The `airline:<id>` channels to follow, by value (`airlineChannels` joined by spaces): what `connect` takes, so
 * a renewed token with the same roles does not reconnect.
 */
export function staffChannelsKey(auth: Auth): string {
  return auth.status === 'signed-in' ? airlineChannels(auth.access).join(' ') : '';
}

/**
 * One live connection for the whole app: the catalogue with the filters of the page shown, the person's own
 * orders while signed in, and the `airline:<id>` channels of a member of staff. A resync invalidates every query
 * (reload what is shown); order messages invalidate the orders and payments, airline messages the airline's pages.
 */
export class AppLive implements Live {
  status = $state<LiveStatus>('idle');
  private readonly listeners = new Set<(message: LiveMessage) => void>();
  private readonly resyncListeners = new Set<() => void>();
  private filters: CatalogueFilters = {};
  private signedIn = false;
  private staff: string[] = [];
  private client: LiveClient | undefined;
  private readonly auth: Auth;
  private readonly queries: QueryCache;

  constructor(auth: Auth, queries: QueryCache) {
    this.auth = auth;
    this.queries = queries;
  }

  /**
   * Connects as the person is signed in or not, with the airline channels of `staffChannelsKey`, from where the
   * last connection was; in an effect on these two values alone, which runs again (a new connection with a fresh
   * pass) when one changes. Returns what disconnects.
   */
  connect(status: Auth['status'], staffKey = ''): (() => void) | undefined {
    if (status === 'loading') return undefined;
    return untrack(() => {
      this.signedIn = status === 'signed-in';
      this.staff = this.signedIn && staffKey ? staffKey.split(' ') : [];
      const auth = this.auth;
      const client = new LiveClient({
        baseUrl: import.meta.env.VITE_API_BASE_URL ?? '',
        getAccessToken: auth.getAccessToken,
        ...(this.client?.position ? { after: this.client.position } : {}),
        subscription: subscriptionOf(this.filters, this.signedIn, this.staff),
        onStatus: (next) => (this.status = next),
        onMessage: (message) => {
          if (message.channel === 'orders' && 'orderId' in message.data) {
            this.queries.invalidate(['orders']);
            this.queries.invalidate(['order', message.data.orderId]);
            this.queries.invalidate(['payments']);
          }
          for (const listener of [...this.listeners]) listener(message);
        },
        onAirlineMessage: (message) => {
          // the airline's pages key their queries ['airline', <id>, …]: reload whatever of them is shown
          this.queries.invalidate(['airline', message.channel.slice('airline:'.length)]);
        },
        onResync: () => {
          this.queries.invalidate();
          for (const listener of [...this.resyncListeners]) listener();
        },
        onRevoked: () => void auth.forget(),
      });
      this.client = client;
      client.start();
      return () => client.stop();
    });
  }

  subscribe = (listener: (message: LiveMessage) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onResync = (listener: () => void): (() => void) => {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  };

  follow = (next: CatalogueFilters): void => {
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.filters = next;
    this.client?.update(subscriptionOf(next, this.signedIn, this.staff));
  };
}

const LIVE = Symbol('live');

export const liveContext = (live: Live): [symbol, Live] => [LIVE, live];

export function setLive(live: Live): void {
  setContext(LIVE, live);
}

export function getLive(): Live {
  const live = getContext<Live | undefined>(LIVE);
  if (!live) throw new Error('getLive outside the app');
  return live;
}

/** Listens to live messages while the component is shown; call while it is set up. */
export function onLiveMessage(listener: (message: LiveMessage) => void): void {
  const live = getLive();
  $effect(() => live.subscribe((message) => listener(message)));
}

/** Follows these catalogue filters while the component is shown; by value, so equal filters do not reconnect. */
export function followWhileShown(filters: () => CatalogueFilters): void {
  const live = getLive();
  const key = $derived(JSON.stringify(filters()));
  $effect(() => {
    live.follow(JSON.parse(key) as CatalogueFilters);
  });
}
