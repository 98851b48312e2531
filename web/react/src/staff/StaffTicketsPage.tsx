import { unwrap, type Ticket } from '@airtix/web-shared/api';
import { formatCabin, formatDeparture, formatMoney } from '@airtix/web-shared/format';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { may } from '../auth/access';
import { useAuth } from '../auth/AuthProvider';
import { useFollow, useLiveMessages } from '../live/LiveProvider';
import { LiveStatusIndicator } from '../live/LiveStatusIndicator';
import { PageHeading } from '../ui/PageHeading';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { TicketStatusBadge } from '../ui/TicketStatusBadge';
import { ticketName } from './ticketName';
import { useStaffAirline } from './useStaffAirline';

/**
 * The airline's tickets, every status, by departure (`GET /api/tickets?airline=`), with the ways to add, change
 * and withdraw them (`DELETE /api/tickets/{id}`). Holds and sales arrive on the catalogue, changes by colleagues
 * on the airline's channel: both reload the list.
 */
export function StaffTicketsPage() {
  const api = useApi();
  const airline = useStaffAirline();
  const { access } = useAuth();
  const canWrite = may.writeTickets(access);
  const location = useLocation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const [confirming, setConfirming] = useState<string | undefined>();
  const [withdrawn, setWithdrawn] = useState<string | undefined>();

  const tickets = useQuery({
    queryKey: ['airline', airline, 'tickets', page],
    queryFn: ({ signal }) =>
      unwrap(api.tickets.GET('/api/tickets', { params: { query: { airline, page, size: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });

  useFollow({ airline: [airline] });
  useLiveMessages((message) => {
    if (message.channel === 'catalogue' && message.data.airline === airline) {
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'tickets'] });
    }
  });

  const withdraw = useMutation({
    mutationFn: async (ticket: Ticket) => {
      await unwrap(api.tickets.DELETE('/api/tickets/{id}', { params: { path: { id: ticket.id } } }));
      return ticket;
    },
    onSuccess: (ticket) => {
      setConfirming(undefined);
      setWithdrawn(`${ticketName(ticket)} was withdrawn from sale.`);
      queryClient.removeQueries({ queryKey: ['ticket', ticket.id] });
      void queryClient.invalidateQueries({ queryKey: ['airline', airline, 'tickets'] });
    },
    onError: () => setConfirming(undefined),
  });

  const done = withdrawn ?? (location.state as { done?: string } | null)?.done;

  return (
    <>
      <PageHeading>Tickets of {airline}</PageHeading>
      <LiveStatusIndicator />
      {done && (
        <div className="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      )}
      {withdraw.isError && <ProblemMessage error={withdraw.error} />}
      {canWrite && (
        <p>
          <Link to="/staff/tickets/new" className="button">
            New ticket
          </Link>
        </p>
      )}
      {tickets.isError && <ProblemMessage error={tickets.error} />}
      {tickets.isPending && <p role="status">Loading the tickets…</p>}
      {tickets.data && tickets.data.items.length === 0 && <p>The airline has no tickets on sale.</p>}
      {tickets.data && tickets.data.items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="staff-tickets-caption">
          <table className="orders">
            <caption id="staff-tickets-caption" className="visually-hidden">
              Tickets of {airline}, by departure
            </caption>
            <thead>
              <tr>
                <th scope="col">Flight</th>
                <th scope="col">Departure</th>
                <th scope="col">Cabin and seat</th>
                <th scope="col">Price</th>
                <th scope="col">Status</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {tickets.data.items.map((ticket) => (
                <tr key={ticket.id}>
                  <th scope="row">
                    {ticket.flightNumber} {ticket.origin} to {ticket.destination}
                  </th>
                  <td>{formatDeparture(ticket.departureTime)}</td>
                  <td>
                    {formatCabin(ticket.cabin)}, {ticket.seat}
                  </td>
                  <td>{formatMoney(ticket.price, ticket.currency)}</td>
                  <td>
                    <TicketStatusBadge status={ticket.status} />
                  </td>
                  {canWrite && (
                    <td>
                      {confirming === ticket.id ? (
                        <ConfirmWithdrawal
                          ticket={ticket}
                          pending={withdraw.isPending}
                          onConfirm={() => withdraw.mutate(ticket)}
                          onCancel={() => setConfirming(undefined)}
                        />
                      ) : (
                        <div className="row-actions">
                          <Link to={`/staff/tickets/${ticket.id}/edit`}>
                            Change <span className="visually-hidden">{ticketName(ticket)}</span>
                          </Link>
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => {
                              withdraw.reset();
                              setWithdrawn(undefined);
                              setConfirming(ticket.id);
                            }}
                          >
                            Withdraw <span className="visually-hidden">{ticketName(ticket)}</span>
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tickets.data && (
        <Pager
          page={tickets.data.page}
          totalPages={tickets.data.totalPages}
          label="Pages of tickets"
          onPage={(next) => setParams(next === 0 ? {} : { page: String(next + 1) })}
        />
      )}
    </>
  );
}

/** Asks once more before a ticket leaves the sale; the question takes the focus so it is heard. */
function ConfirmWithdrawal({
  ticket,
  pending,
  onConfirm,
  onCancel,
}: {
  ticket: Ticket;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div className="row-actions">
      <p ref={question} tabIndex={-1} className="row-actions__question">
        Withdraw {ticketName(ticket)} from sale?
      </p>
      <button type="button" className="button" disabled={pending} onClick={onConfirm}>
        {pending ? 'Withdrawing…' : 'Yes, withdraw'}
      </button>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        Keep on sale
      </button>
    </div>
  );
}
