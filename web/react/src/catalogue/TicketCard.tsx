import { Link } from 'react-router';
import { formatCabin, formatDeparture, formatMoney } from '@airtix/web-shared/format';
import { TicketStatusBadge } from '../ui/TicketStatusBadge';
import type { ShownTicket } from '@airtix/web-shared/live-catalogue';
import { PriceChangedNotice } from './PriceChangedNotice';

/** One ticket in the catalogue: flight, route, departure, seat, price and whether it can be had. */
export function TicketCard({ ticket }: { ticket: ShownTicket }) {
  const headingId = `ticket-${ticket.id}`;
  const unavailable = ticket.withdrawn || ticket.status !== 'AVAILABLE';
  return (
    <article
      className={`ticket-card${unavailable ? ' ticket-card--unavailable' : ''}`}
      aria-labelledby={headingId}
      data-status={ticket.withdrawn ? 'WITHDRAWN' : ticket.status}
    >
      <h3 id={headingId} className="ticket-card__route">
        {ticket.origin} <span aria-hidden="true">→</span>
        <span className="visually-hidden">to</span> {ticket.destination}
        <span className="ticket-card__flight">
          {' '}
          · {ticket.airline} {ticket.flightNumber}
        </span>
      </h3>
      <p className="ticket-card__when">{formatDeparture(ticket.departureTime)}</p>
      <p className="ticket-card__seat">
        {formatCabin(ticket.cabin)}, seat {ticket.seat}
      </p>
      <p className="ticket-card__price">{formatMoney(ticket.price, ticket.currency)}</p>
      {ticket.previousPrice !== undefined && (
        <PriceChangedNotice
          compact
          previousPrice={ticket.previousPrice}
          price={ticket.price}
          currency={ticket.currency}
        />
      )}
      <p className="ticket-card__badges">
        <TicketStatusBadge status={ticket.status} withdrawn={ticket.withdrawn ?? false} />
        {ticket.fresh && <span className="badge badge--info">New</span>}
      </p>
      {!ticket.withdrawn && (
        <Link className="ticket-card__link" to={`/tickets/${ticket.id}`} aria-describedby={headingId}>
          See details{ticket.status === 'AVAILABLE' ? ' and reserve' : ''}
        </Link>
      )}
    </article>
  );
}
