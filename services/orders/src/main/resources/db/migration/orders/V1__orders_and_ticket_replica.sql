-- Runs on SQLite (standalone) and PostgreSQL (distributed). The one type they spell differently,
-- a UTC instant, comes from the "instant" placeholder set per database in orders.yaml.

-- The orders service's copy of the tickets service's catalogue, fed by ticket events (never read across services)
CREATE TABLE ticket_replica (
    id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    -- the tickets service's version of the ticket, applied contiguously
    version        BIGINT         NOT NULL,
    airline        VARCHAR(63)    NOT NULL,
    flight_number  VARCHAR(6)     NOT NULL,
    origin         VARCHAR(3)     NOT NULL,
    destination    VARCHAR(3)     NOT NULL,
    departure_time ${instant}     NOT NULL,
    price          NUMERIC(12, 2) NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    status         VARCHAR(10)    NOT NULL
);

-- "order" is a keyword in SQL
CREATE TABLE orders (
    id                  VARCHAR(36)    NOT NULL PRIMARY KEY,
    version             BIGINT         NOT NULL,
    ticket_id           VARCHAR(36)    NOT NULL,
    airline             VARCHAR(63)    NOT NULL,
    customer_id         VARCHAR(64)    NOT NULL,
    price               NUMERIC(12, 2) NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    status              VARCHAR(20)    NOT NULL,
    cancellation_reason VARCHAR(20),
    created_at          ${instant}     NOT NULL,
    expires_at          ${instant}     NOT NULL,
    updated_at          ${instant}     NOT NULL
);

-- A ticket is never sold twice: at most one active order per ticket, enforced by the database itself, so two
-- concurrent reservations cannot both pass a check and both insert. Partial indexes exist on both databases.
CREATE UNIQUE INDEX uk_orders_active_ticket ON orders (ticket_id) WHERE status IN ('CREATED', 'AWAITING_PAYMENT');

-- a customer's orders and an airline's orders, newest first
CREATE INDEX ix_orders_customer ON orders (customer_id, created_at);
CREATE INDEX ix_orders_airline ON orders (airline, created_at);
