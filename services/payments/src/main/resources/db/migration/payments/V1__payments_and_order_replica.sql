-- Runs on SQLite (standalone) and PostgreSQL (distributed). The one type they spell differently,
-- a UTC instant, comes from the "instant" placeholder set per database in payments.yaml.

-- The payments service's copy of the orders it may be asked to charge, fed by order events (never read across
-- services). An order first heard of through its cancellation has no customer, amount or deadline.
CREATE TABLE order_replica (
    id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    -- the orders service's version of the order last applied
    version     BIGINT         NOT NULL,
    ticket_id   VARCHAR(36)    NOT NULL,
    airline     VARCHAR(63)    NOT NULL,
    customer_id VARCHAR(64),
    amount      NUMERIC(12, 2),
    currency    VARCHAR(3),
    status      VARCHAR(20)    NOT NULL,
    expires_at  ${instant}
);

-- One payment per order, whatever the number of attempts; one PaymentIntent per payment
CREATE TABLE payments (
    id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    version            BIGINT         NOT NULL,
    order_id           VARCHAR(36)    NOT NULL,
    airline            VARCHAR(63)    NOT NULL,
    customer_id        VARCHAR(64)    NOT NULL,
    amount             NUMERIC(12, 2) NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    provider           VARCHAR(20)    NOT NULL,
    intent_id          VARCHAR(255)   NOT NULL,
    client_secret      VARCHAR(255)   NOT NULL,
    status             VARCHAR(20)    NOT NULL,
    attempt            INTEGER        NOT NULL,
    attempt_started_at ${instant}     NOT NULL,
    failure_reason     VARCHAR(500),
    charge_id          VARCHAR(255),
    refund_id          VARCHAR(255),
    created_at         ${instant}     NOT NULL,
    updated_at         ${instant}     NOT NULL
);

CREATE UNIQUE INDEX uk_payments_order ON payments (order_id);
CREATE UNIQUE INDEX uk_payments_intent ON payments (intent_id);
-- a customer's payments and an airline's payments, newest first
CREATE INDEX ix_payments_customer ON payments (customer_id, created_at);
CREATE INDEX ix_payments_airline ON payments (airline, created_at);

-- Provider events already applied (Stripe's event ids, or the simulated provider's): Stripe delivers at least once
CREATE TABLE provider_events (
    id          VARCHAR(255)   NOT NULL PRIMARY KEY,
    type        VARCHAR(100)   NOT NULL,
    received_at ${instant}     NOT NULL
);
