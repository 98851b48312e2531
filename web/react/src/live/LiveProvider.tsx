import {
  LiveClient,
  type LiveMessage,
  type LiveStatus,
  type LiveSubscription,
} from '@airtix/web-shared/live';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Access } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';

/** The catalogue filters a page follows; the orders channel is added by itself for a signed-in person. */
import type { CatalogueFilters } from '@airtix/web-shared/live-catalogue';

export type { CatalogueFilters };

export interface Live {
  status: LiveStatus;
  /** Every message with a position; returns what stops listening. */
  subscribe: (listener: (message: LiveMessage) => void) => () => void;
  /** Called after a resync, once the queries were invalidated: reset what was derived from messages. */
  onResync: (listener: () => void) => () => void;
  /** Narrows the catalogue to what the page shows. */
  follow: (filters: CatalogueFilters) => void;
}

const LiveContext = createContext<Live | undefined>(undefined);

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}

/** For tests: a Live the test drives. */
export function LiveContextProvider({ value, children }: { value: Live; children: ReactNode }) {
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Listens to live messages while the component is shown. */
export function useLiveMessages(listener: (message: LiveMessage) => void): void {
  const live = useLive();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => live.subscribe((message) => latest.current(message)), [live]);
}

/** Follows these catalogue filters while the component is shown; stable by value. */
export function useFollow(filters: CatalogueFilters): void {
  const live = useLive();
  const key = JSON.stringify(filters);
  useEffect(() => {
    live.follow(JSON.parse(key) as CatalogueFilters);
  }, [live, key]);
}

/** `airline:<id>` for each airline the person works for: its tickets, orders, payments and staff, live. */
export function airlineChannels(access: Access): string[] {
  return Object.keys(access.airlines)
    .sort()
    .map((airline) => `airline:${airline}`);
}

function subscriptionOf(filters: CatalogueFilters, signedIn: boolean, staff: string[]): LiveSubscription {
  return { ...filters, channels: signedIn ? ['catalogue', 'orders', ...staff] : ['catalogue'] };
}

function staffChannels(key: string): string[] {
  return key ? key.split(' ') : [];
}

/**
 * One live connection for the whole app: the catalogue with the filters of the page shown, the person's own
 * orders while signed in, and the `airline:<id>` channels of a member of staff. A resync invalidates every query
 * (reload what is shown); order messages invalidate the orders and payments, airline messages the airline's pages.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('idle');
  const listeners = useRef(new Set<(message: LiveMessage) => void>());
  const resyncListeners = useRef(new Set<() => void>());
  const filters = useRef<CatalogueFilters>({});
  const client = useRef<LiveClient | undefined>(undefined);
  const signedIn = auth.status === 'signed-in';
  const { getAccessToken, forget } = auth;
  // by value: a renewed token with the same roles must not reconnect
  const staffKey = signedIn ? airlineChannels(auth.access).join(' ') : '';

  useEffect(() => {
    if (auth.status === 'loading') return;
    const live = new LiveClient({
      baseUrl: import.meta.env.VITE_API_BASE_URL ?? '',
      getAccessToken,
      after: client.current?.position,
      subscription: subscriptionOf(filters.current, signedIn, staffChannels(staffKey)),
      onStatus: setStatus,
      onMessage: (message) => {
        if (message.channel === 'orders' && 'orderId' in message.data) {
          void queryClient.invalidateQueries({ queryKey: ['orders'] });
          void queryClient.invalidateQueries({ queryKey: ['order', message.data.orderId] });
          void queryClient.invalidateQueries({ queryKey: ['payments'] });
        }
        for (const listener of [...listeners.current]) listener(message);
      },
      onAirlineMessage: (message) => {
        // the airline's pages key their queries ['airline', <id>, …]: reload whatever of them is shown
        void queryClient.invalidateQueries({
          queryKey: ['airline', message.channel.slice('airline:'.length)],
        });
      },
      onResync: () => {
        void queryClient.invalidateQueries();
        for (const listener of [...resyncListeners.current]) listener();
      },
      onRevoked: () => void forget(),
    });
    client.current = live;
    live.start();
    return () => live.stop();
  }, [auth.status, signedIn, staffKey, getAccessToken, forget, queryClient]);

  const value = useMemo<Live>(
    () => ({
      status,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      onResync: (listener) => {
        resyncListeners.current.add(listener);
        return () => resyncListeners.current.delete(listener);
      },
      follow: (next) => {
        if (JSON.stringify(next) === JSON.stringify(filters.current)) return;
        filters.current = next;
        client.current?.update(subscriptionOf(next, signedIn, staffChannels(staffKey)));
      },
    }),
    [status, signedIn, staffKey],
  );

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
