import { unwrap } from '@airtix/web-shared/api';
import { formatMoney } from '@airtix/web-shared/format';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { LiveStatusIndicator } from '../live/LiveStatusIndicator';
import { OrderStatusBadge } from '../orders/OrderStatusBadge';
import { PageHeading } from '../ui/PageHeading';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { formatWhen } from './formatWhen';
import { useStaffAirline } from './useStaffAirline';

/** The airline's orders, newest first (`GET /api/airlines/{airline}/orders`); its live channel reloads them. */
export function AirlineOrdersPage() {
  const api = useApi();
  const airline = useStaffAirline();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const orders = useQuery({
    queryKey: ['airline', airline, 'orders', page],
    queryFn: ({ signal }) =>
      unwrap(
        api.orders.GET('/api/airlines/{airline}/orders', {
          params: { path: { airline }, query: { page, size: 20 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeading>Orders of {airline}</PageHeading>
      <LiveStatusIndicator />
      {orders.isError && <ProblemMessage error={orders.error} />}
      {orders.isPending && <p role="status">Loading the orders…</p>}
      {orders.data && orders.data.items.length === 0 && <p>Nobody has ordered a ticket of {airline} yet.</p>}
      {orders.data && orders.data.items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="airline-orders-caption">
          <table className="orders">
            <caption id="airline-orders-caption" className="visually-hidden">
              Orders of {airline}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Ordered</th>
                <th scope="col">Order</th>
                <th scope="col">Ticket</th>
                <th scope="col">Customer</th>
                <th scope="col">Price</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((order) => (
                <tr key={order.id}>
                  <td>{formatWhen(order.createdAt)}</td>
                  <td className="id">{order.id}</td>
                  <td className="id">{order.ticketId}</td>
                  <td className="id">{order.customerId}</td>
                  <td>{formatMoney(order.price, order.currency)}</td>
                  <td>
                    <OrderStatusBadge order={order} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {orders.data && (
        <Pager
          page={orders.data.page}
          totalPages={orders.data.totalPages}
          label="Pages of orders"
          onPage={(next) => setParams(next === 0 ? {} : { page: String(next + 1) })}
        />
      )}
    </>
  );
}
