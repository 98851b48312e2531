import { unwrap, type Order, type Ticket } from '@airtix/web-shared/api';
import { ApiProblem } from '@airtix/web-shared/problems';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { useAuth } from '../auth/AuthProvider';
import { useFollow, useLiveMessages } from '../live/LiveProvider';
import { LiveStatusIndicator } from '../live/LiveStatusIndicator';
import { formatCabin, formatDeparture, formatMoney } from '@airtix/web-shared/format';
import { PageHeading } from '../ui/PageHeading';
import { ProblemMessage } from '../ui/ProblemMessage';
import { TicketStatusBadge } from '../ui/TicketStatusBadge';
import { PriceChangedNotice } from './PriceChangedNotice';
import { SeatTakenNotice } from './SeatTakenNotice';

/** One ticket, followed live, with the way to reserve it. */
export function TicketDetailsPage() {
  const { ticketId = '' } = useParams();
  const api = useApi();
  const auth = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [previousPrice, setPreviousPrice] = useState<number | undefined>();
  const [withdrawn, setWithdrawn] = useState(false);

  const ticket = useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: ({ signal }) =>
      unwrap(api.tickets.GET('/api/tickets/{id}', { params: { path: { id: ticketId } }, signal })),
  });

  useFollow({ ticket: [ticketId] });
  useLiveMessages((message) => {
    if (message.channel !== 'catalogue' || message.data.ticketId !== ticketId) return;
    const update = (change: Partial<Ticket>) =>
      queryClient.setQueryData<Ticket>(['ticket', ticketId], (current) =>
        current ? { ...current, ...change } : current,
      );
    switch (message.type) {
      case 'ticket.changed':
        if (message.data.previousPrice !== undefined && message.data.previousPrice !== message.data.price) {
          setPreviousPrice((before) => before ?? message.data.previousPrice);
        }
        update({
          price: message.data.price,
          currency: message.data.currency,
          status: message.data.status as Ticket['status'],
        });
        break;
      case 'ticket.held':
        update({ status: 'RESERVED' });
        break;
      case 'ticket.released':
        update({ status: 'AVAILABLE' });
        break;
      case 'ticket.sold':
        update({ status: 'SOLD' });
        break;
      case 'ticket.withdrawn':
        setWithdrawn(true);
        break;
      default:
        break;
    }
  });

  const reserve = useMutation({
    mutationFn: (seen: Ticket): Promise<Order> =>
      unwrap(
        api.orders.POST('/api/orders', {
          body: { ticketId: seen.id, price: seen.price, currency: seen.currency },
        }),
      ),
    onSuccess: (order) => {
      queryClient.setQueryData(['order', order.id], order);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void navigate(`/checkout/${order.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.code === 'PRICE_CHANGED' && ticket.data) {
        const current = Number(error.problem?.currentPrice);
        if (!Number.isNaN(current)) {
          setPreviousPrice((before) => before ?? ticket.data.price);
          queryClient.setQueryData<Ticket>(['ticket', ticketId], { ...ticket.data, price: current });
        }
      }
      if (error instanceof ApiProblem && error.code === 'TICKET_UNAVAILABLE' && ticket.data) {
        // held or sold by someone else: the catalogue may not know yet; a live release puts it back on sale
        queryClient.setQueryData<Ticket>(['ticket', ticketId], { ...ticket.data, status: 'RESERVED' });
      }
    },
  });

  if (ticket.isPending) {
    return (
      <>
        <PageHeading>Ticket</PageHeading>
        <p role="status">Loading the ticket…</p>
      </>
    );
  }
  if (ticket.isError) {
    return (
      <>
        <PageHeading>Ticket</PageHeading>
        <ProblemMessage error={ticket.error}>
          <p>
            <Link to="/">Back to the catalogue</Link>
          </p>
        </ProblemMessage>
      </>
    );
  }

  const shown = ticket.data;
  const problemCode = reserve.error instanceof ApiProblem ? reserve.error.code : undefined;
  const takenReason = withdrawn
    ? 'withdrawn'
    : shown.status === 'SOLD'
      ? 'sold'
      : shown.status === 'RESERVED'
        ? 'held'
        : undefined;

  return (
    <>
      <PageHeading>
        {shown.origin} to {shown.destination}, {shown.airline} {shown.flightNumber}
      </PageHeading>
      <LiveStatusIndicator />
      <dl className="details">
        <dt>Departure</dt>
        <dd>{formatDeparture(shown.departureTime)}</dd>
        <dt>Cabin and seat</dt>
        <dd>
          {formatCabin(shown.cabin)}, seat {shown.seat}
        </dd>
        <dt>Price</dt>
        <dd className="details__price">{formatMoney(shown.price, shown.currency)}</dd>
        <dt>Availability</dt>
        <dd>
          <TicketStatusBadge status={shown.status} withdrawn={withdrawn} />
        </dd>
      </dl>

      {previousPrice !== undefined && previousPrice !== shown.price && (
        <PriceChangedNotice
          previousPrice={previousPrice}
          price={shown.price}
          currency={shown.currency}
          {...(problemCode === 'PRICE_CHANGED' && !takenReason
            ? { onAccept: () => reserve.mutate(shown) }
            : {})}
        />
      )}
      {takenReason && <SeatTakenNotice reason={takenReason} />}
      {reserve.isError && problemCode === 'TICKET_UNAVAILABLE' && !takenReason && (
        <SeatTakenNotice reason="held" />
      )}
      {reserve.isError && problemCode !== 'PRICE_CHANGED' && problemCode !== 'TICKET_UNAVAILABLE' && (
        <ProblemMessage error={reserve.error} />
      )}

      {!takenReason && problemCode !== 'PRICE_CHANGED' && (
        <div className="actions">
          {auth.status === 'signed-in' ? (
            <button
              type="button"
              className="button button--primary"
              disabled={reserve.isPending}
              onClick={() => reserve.mutate(shown)}
            >
              {reserve.isPending ? 'Reserving…' : `Reserve for ${formatMoney(shown.price, shown.currency)}`}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={auth.status === 'loading'}
              onClick={() => void auth.signIn(`/tickets/${ticketId}`)}
            >
              Sign in to reserve
            </button>
          )}
          <p className="field-hint">Reserving holds the seat for you for 15 minutes while you pay.</p>
        </div>
      )}
      <p>
        <Link to="/">Back to the catalogue</Link>
      </p>
    </>
  );
}
