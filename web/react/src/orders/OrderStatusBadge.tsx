import type { Order } from '@airtix/web-shared/api';
import { orderEndedBadge } from '@airtix/web-shared/orders';

/** Where an order stands, in words. */
export function OrderStatusBadge({ order }: { order: Order }) {
  if (order.refunded) return <span className="badge badge--info">Refunded</span>;
  switch (order.status) {
    case 'CREATED':
      return <span className="badge badge--held">Held, not paid</span>;
    case 'AWAITING_PAYMENT':
      return <span className="badge badge--held">Payment in progress</span>;
    case 'COMPLETED':
      return <span className="badge badge--success">Booked</span>;
    case 'CANCELLED':
      return <span className="badge badge--sold">{orderEndedBadge(order)}</span>;
    default:
      return <span className="badge">{order.status}</span>;
  }
}
