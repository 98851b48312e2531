-- A reservation asks whether an order holds or bought its ticket (created, awaiting payment or completed): the
-- partial unique index covers the first two only. Portable: SQLite and PostgreSQL.
CREATE INDEX ix_orders_ticket ON orders (ticket_id);
