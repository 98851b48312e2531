import type { TicketStatus } from '@airtix/web-shared/api';

const labels: Record<string, { text: string; tone: string }> = {
  AVAILABLE: { text: 'Available', tone: 'success' },
  RESERVED: { text: 'Held by a traveller', tone: 'held' },
  SOLD: { text: 'Sold', tone: 'sold' },
  WITHDRAWN: { text: 'No longer on sale', tone: 'sold' },
};

/** Whether a ticket can be had: in words, never by colour alone. */
export function TicketStatusBadge({
  status,
  withdrawn = false,
}: {
  status: TicketStatus;
  withdrawn?: boolean;
}) {
  const label = labels[withdrawn ? 'WITHDRAWN' : status] ?? { text: status, tone: 'sold' };
  return <span className={`badge badge--${label.tone}`}>{label.text}</span>;
}
