import {
  LiveClient,
  type LiveClientOptions,
  type LiveMessage,
  type LiveStatus,
  type LiveSubscription,
} from '@airtix/web-shared/live';
import { airlineChannels } from '@airtix/web-shared/access';
import type { CatalogueFilters } from '@airtix/web-shared/live-catalogue';
import { inject, onScopeDispose, reactive, watch, type InjectionKey } from 'vue';
import type { QueryCache } from '../api/query';
import type { Auth } from '../auth/auth';

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

export const LiveKey: InjectionKey<Live> = Symbol('live');

export function useLive(): Live {
  const live = inject(LiveKey);
  if (!live) throw new Error('useLive without a Live provided');
  return live;
}

/** Listens to live messages while the component is shown. */
export function useLiveMessages(listener: (message: LiveMessage) => void): void {
  onScopeDispose(useLive().subscribe(listener));
}

/** Follows these catalogue filters while the component is shown; a new value by value only. */
export function useFollow(filters: () => CatalogueFilters): void {
  const live = useLive();
  watch(
    () => JSON.stringify(filters()),
    (key) => live.follow(JSON.parse(key) as CatalogueFilters),
    { immediate: true },
  );
}

function subscriptionOf(filters: CatalogueFilters, signedIn: boolean, staff: string[]): LiveSubscription {
  return { ...filters, channels: signedIn ? ['catalogue', 'orders', ...staff] : ['catalogue'] };
}

/** The `airline:<id>` channels a signed-in member of staff follows, as one string: compared by value. */
function staffKeyOf(auth: Auth): string {
  return auth.status === 'signed-in' ? airlineChannels(auth.access).join(' ') : '';
}

function staffChannels(key: string): string[] {
  return key ? key.split(' ') : [];
}

/**
 * One live connection for the whole app, made in App.vue's setup: the catalogue with the filters of the page
 * shown, the person's own orders while signed in, and the `airline:<id>` channels of a member of staff. A
 * resync invalidates every query (reload what is shown); order messages invalidate the orders and payments,
 * airline messages the airline's pages. A new client starts when the sign-in or the airlines change, from the
 * position the last one reached. `connection` is for tests: a fake EventSource and fetch.
 */
export function createLive(
  auth: Auth,
  cache: QueryCache,
  connection: Pick<LiveClientOptions, 'eventSource' | 'fetch'> = {},
): Live {
  const listeners = new Set<(message: LiveMessage) => void>();
  const resyncListeners = new Set<() => void>();
  let filters: CatalogueFilters = {};
  let client: LiveClient | undefined;

  const live = reactive({
    status: 'idle' as LiveStatus,
    subscribe(listener: (message: LiveMessage) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onResync(listener: () => void) {
      resyncListeners.add(listener);
      return () => void resyncListeners.delete(listener);
    },
    follow(next: CatalogueFilters) {
      if (JSON.stringify(next) === JSON.stringify(filters)) return;
      filters = next;
      client?.update(subscriptionOf(next, auth.status === 'signed-in', staffChannels(staffKeyOf(auth))));
    },
  });

  watch(
    // by value: a renewed token with the same roles must not reconnect
    [() => auth.status, () => staffKeyOf(auth)],
    ([status, staffKey], _, onCleanup) => {
      if (status === 'loading') return;
      const next = new LiveClient({
        ...connection,
        baseUrl: import.meta.env.VITE_API_BASE_URL ?? '',
        getAccessToken: auth.getAccessToken,
        after: client?.position,
        subscription: subscriptionOf(filters, status === 'signed-in', staffChannels(staffKey)),
        onStatus: (changed) => {
          live.status = changed;
        },
        onMessage: (message) => {
          if (message.channel === 'orders' && 'orderId' in message.data) {
            cache.invalidate(['orders']);
            cache.invalidate(['order', message.data.orderId]);
            cache.invalidate(['payments']);
          }
          for (const listener of [...listeners]) listener(message);
        },
        onAirlineMessage: (message) => {
          // the airline's pages key their queries ['airline', <id>, …]: reload whatever of them is shown
          cache.invalidate(['airline', message.channel.slice('airline:'.length)]);
        },
        onResync: () => {
          cache.invalidate();
          for (const listener of [...resyncListeners]) listener();
        },
        onRevoked: () => void auth.forget(),
      });
      client = next;
      next.start();
      onCleanup(() => next.stop());
    },
    { immediate: true },
  );
  onScopeDispose(() => client?.stop());

  return live;
}
