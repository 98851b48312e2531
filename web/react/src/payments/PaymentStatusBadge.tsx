import type { Payment } from '@airtix/web-shared/api';
import { formatPaymentStatus } from '@airtix/web-shared/format';

/** Where a payment stands, in a word. */
export function PaymentStatusBadge({ payment }: { payment: Payment }) {
  const status = formatPaymentStatus(payment.status);
  return <span className={`badge badge--${status.tone}`}>{status.text}</span>;
}
