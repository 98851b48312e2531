-- The platform's messaging tables, created in every service's own database (SQLite or PostgreSQL). They have their
-- own Flyway history table (airtix_messaging_history), so their numbering never meets the service's migrations.
-- Times are epoch milliseconds: compared by the relay, they behave the same on both databases.

-- Events written in the transaction of the change they describe; the relay publishes them in position order.
CREATE TABLE airtix_outbox (
    position          ${sequence_key},
    event_id          VARCHAR(36)  NOT NULL,
    event_type        VARCHAR(100) NOT NULL,
    aggregate_id      VARCHAR(100) NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    -- the envelope exactly as it goes on the wire
    body              TEXT         NOT NULL,
    -- PENDING until the broker confirms (SENT), or UNROUTED when no queue took it within the grace period
    status            VARCHAR(10)  NOT NULL,
    created_at        BIGINT       NOT NULL,
    attempts          INTEGER      NOT NULL,
    next_attempt_at   BIGINT       NOT NULL,
    done_at           BIGINT,
    last_error        VARCHAR(500),
    CONSTRAINT uk_airtix_outbox_event UNIQUE (event_id)
);
CREATE INDEX ix_airtix_outbox_pending ON airtix_outbox (position) WHERE status = 'PENDING';
CREATE INDEX ix_airtix_outbox_done ON airtix_outbox (done_at) WHERE status <> 'PENDING';

-- Events this service has applied: a redelivery of one of them is acknowledged and ignored.
CREATE TABLE airtix_inbox (
    event_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    event_type        VARCHAR(100) NOT NULL,
    aggregate_id      VARCHAR(100) NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    applied_at        BIGINT       NOT NULL
);

-- The last version applied per aggregate (stream = the event type's first part, e.g. "ticket").
CREATE TABLE airtix_inbox_position (
    stream       VARCHAR(50)  NOT NULL,
    aggregate_id VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (stream, aggregate_id)
);

-- Events that arrived before their predecessor; applied as soon as it is.
CREATE TABLE airtix_inbox_parked (
    event_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    stream            VARCHAR(50)  NOT NULL,
    aggregate_id      VARCHAR(100) NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    body              TEXT         NOT NULL,
    parked_at         BIGINT       NOT NULL
);
CREATE INDEX ix_airtix_inbox_parked_next ON airtix_inbox_parked (stream, aggregate_id, aggregate_version);
