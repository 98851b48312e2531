import { unwrap, type TicketSearch } from '@airtix/web-shared/api';
import type { LiveMessage } from '@airtix/web-shared/live';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { useFollow, useLive, useLiveMessages } from '../live/LiveProvider';
import { LiveStatusIndicator } from '../live/LiveStatusIndicator';
import { PageHeading } from '../ui/PageHeading';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { searchOf } from '@airtix/web-shared/catalogue-search';
import { CatalogueFilters } from './CatalogueFilters';
import {
  applyLiveMessage,
  EMPTY_LIVE_CATALOGUE,
  liveFiltersOf,
  showTickets,
  type LiveCatalogue,
} from '@airtix/web-shared/live-catalogue';
import { TicketCard } from './TicketCard';

export const PAGE_SIZE = 20;

type LiveAction = { kind: 'message'; message: LiveMessage; shown: Set<string> } | { kind: 'reset' };

function pageOf(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page - 1 : 0;
}

/** The public catalogue: filters, a page of tickets, live marks on what changes meanwhile. */
export function CataloguePage() {
  const api = useApi();
  const live = useLive();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => searchOf(params), [params]);
  const page = pageOf(params);
  const searchKey = JSON.stringify(search);

  const tickets = useQuery({
    queryKey: ['tickets', search, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.tickets.GET('/api/tickets', { params: { query: { ...search, page, size: PAGE_SIZE } }, signal }),
      ),
    placeholderData: keepPreviousData,
  });

  const [liveState, dispatch] = useReducer(
    (state: LiveCatalogue, action: LiveAction): LiveCatalogue =>
      action.kind === 'reset'
        ? EMPTY_LIVE_CATALOGUE
        : applyLiveMessage(state, action.message, search, (id) => action.shown.has(id)),
    EMPTY_LIVE_CATALOGUE,
  );

  useFollow(liveFiltersOf(search));
  // marks belong to one page of one search; they stay across refetches (messages keep them current) and go
  // after a resync, when the server's answer is again the whole truth
  useEffect(() => dispatch({ kind: 'reset' }), [searchKey, page]);
  useEffect(() => live.onResync(() => dispatch({ kind: 'reset' })), [live]);

  const items = tickets.data?.items;
  const shownIds = useMemo(() => new Set((items ?? []).map((ticket) => ticket.id)), [items]);
  useLiveMessages(
    useCallback((message) => dispatch({ kind: 'message', message, shown: shownIds }), [shownIds]),
  );

  const lastPage = tickets.data ? tickets.data.page >= tickets.data.totalPages - 1 : true;
  const shown = useMemo(() => showTickets(items ?? [], liveState, lastPage), [items, liveState, lastPage]);
  const arrivals = shown.filter((ticket) => ticket.fresh).length;

  // prices are numbers; the address holds their text
  const setSearch = (next: TicketSearch) =>
    setParams(new URLSearchParams(Object.entries(next).map(([name, value]) => [name, String(value)])));
  const setPage = (next: number) => {
    const nextParams = new URLSearchParams(params);
    if (next === 0) nextParams.delete('page');
    else nextParams.set('page', String(next + 1));
    setParams(nextParams);
  };

  return (
    <>
      <PageHeading>Airline tickets</PageHeading>
      <CatalogueFilters search={search} onSearch={setSearch} />
      <section aria-labelledby="results-heading" aria-busy={tickets.isFetching}>
        <div className="results-header">
          <h2 id="results-heading">Tickets</h2>
          <LiveStatusIndicator />
        </div>
        <p role="status" className="results-count">
          {tickets.isPending
            ? 'Loading tickets…'
            : tickets.data
              ? `${tickets.data.totalItems} ${tickets.data.totalItems === 1 ? 'ticket' : 'tickets'} found` +
                (arrivals > 0 ? `, ${arrivals} new since you opened the page` : '')
              : ''}
        </p>
        {tickets.isError && <ProblemMessage error={tickets.error} />}
        {tickets.data && shown.length === 0 && (
          <p>No tickets match these filters. Try another day or route, or clear the filters.</p>
        )}
        <ul className="ticket-list" aria-label="Tickets">
          {shown.map((ticket) => (
            <li key={ticket.id}>
              <TicketCard ticket={ticket} />
            </li>
          ))}
        </ul>
        {tickets.data && (
          <Pager
            page={tickets.data.page}
            totalPages={tickets.data.totalPages}
            onPage={setPage}
            label="Pages of tickets"
          />
        )}
      </section>
    </>
  );
}
