-- Runs on SQLite (standalone) and PostgreSQL (distributed). Times are epoch milliseconds, as in the platform's
-- messaging tables: compared in SQL, they behave the same on both databases.

-- One deadline per order: the source of truth. The Redis sorted set or the in-memory queue only makes firing prompt.
CREATE TABLE deadline (
    order_id      VARCHAR(36) NOT NULL PRIMARY KEY,
    -- the version of the order.created the deadline came from; order.expired carries it
    order_version BIGINT      NOT NULL,
    airline       VARCHAR(63) NOT NULL,
    expires_at    BIGINT      NOT NULL,
    -- PENDING until it fires (FIRED) or the order ends first (DROPPED); only PENDING rows ever change
    status        VARCHAR(10) NOT NULL,
    scheduled_at  BIGINT      NOT NULL,
    settled_at    BIGINT
);

-- what is due next, and what a start loads
CREATE INDEX ix_deadline_pending ON deadline (expires_at) WHERE status = 'PENDING';
