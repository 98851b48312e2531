#!/usr/bin/env bash
# PostgreSQL's plans, with real timings, for the statements a reservation and the ceiling GET run on the orders
# database, on the data a benchmark run left there. The writes run in transactions that are rolled back.
# Usage: benchmark-plans.sh <database>
set -euo pipefail
db="$1"
psql -d "$db" -v ON_ERROR_STOP=1 <<'SQL'
\echo '--- the ticket, from the replica (by primary key)'
explain (analyze, buffers) select * from ticket_replica where id = (select ticket_id from orders limit 1);
\echo '--- whether an order holds or bought the ticket (ix_orders_ticket)'
explain (analyze, buffers) select count(*) from orders where ticket_id = (select ticket_id from orders limit 1)
  and status in ('CREATED', 'AWAITING_PAYMENT', 'COMPLETED');
\echo '--- the order, checked by the partial unique index uk_orders_active_ticket'
begin;
explain (analyze, buffers) insert into orders (id, version, ticket_id, airline, customer_id, price, currency, status,
  created_at, expires_at, updated_at)
  select gen_random_uuid()::text, 0, gen_random_uuid()::text, airline, customer_id, price, currency, 'CREATED', now(),
  now() + interval '15 minutes', now() from orders limit 1;
rollback;
\echo '--- a lost race: the same ticket again, refused by the index'
begin;
explain (analyze, buffers) insert into orders (id, version, ticket_id, airline, customer_id, price, currency, status,
  created_at, expires_at, updated_at)
  select gen_random_uuid()::text, 0, ticket_id, airline, customer_id, price, currency, 'CREATED', now(),
  now() + interval '15 minutes', now() from orders where status = 'CREATED' limit 1
  on conflict do nothing;
rollback;
\echo '--- the event, into the outbox'
begin;
explain (analyze, buffers) insert into airtix_outbox (event_id, event_type, aggregate_id, aggregate_version, body,
  status, created_at, attempts, next_attempt_at)
  select gen_random_uuid()::text, event_type, aggregate_id, aggregate_version, body, 'PENDING', created_at, 0,
  created_at from airtix_outbox limit 1;
rollback;
\echo '--- the relay claiming due events'
begin;
explain (analyze, buffers) select position, event_id, event_type, body, attempts, created_at from airtix_outbox
  where status = 'PENDING' and next_attempt_at <= 9999999999999 order by position limit 100 for update skip locked;
rollback;
\echo '--- the ceiling: one page of a customer''s own orders, and its count'
explain (analyze, buffers) select * from orders where customer_id = (select customer_id from orders limit 1)
  order by created_at desc, id desc limit 1;
explain (analyze, buffers) select count(*) from orders where customer_id = (select customer_id from orders limit 1);
\echo '--- table sizes'
select relname, pg_size_pretty(pg_total_relation_size(relid)) as size, n_live_tup from pg_stat_user_tables
  order by relname;
SQL
