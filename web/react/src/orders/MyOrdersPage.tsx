import { unwrap } from '@airtix/web-shared/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { PageHeading } from '../ui/PageHeading';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { OrderRow } from './OrderRow';

/** The signed-in person's orders, newest first; live order messages refresh the list. */
export function MyOrdersPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '1') - 1) || 0;
  const orders = useQuery({
    queryKey: ['orders', page],
    queryFn: ({ signal }) =>
      unwrap(api.orders.GET('/api/orders', { params: { query: { page, size: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeading>My orders</PageHeading>
      {orders.isError && <ProblemMessage error={orders.error} />}
      {orders.isPending && <p role="status">Loading your orders…</p>}
      {orders.data && orders.data.items.length === 0 && (
        <p>
          You have no orders yet. <Link to="/">Find a ticket</Link>.
        </p>
      )}
      {orders.data && orders.data.items.length > 0 && (
        <table className="orders orders--stacked">
          <caption id="my-orders-caption" className="visually-hidden">
            Your orders, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Flight</th>
              <th scope="col">Ordered</th>
              <th scope="col">Price</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.data.items.map((order) => (
              <OrderRow key={order.id} order={order} />
            ))}
          </tbody>
        </table>
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
