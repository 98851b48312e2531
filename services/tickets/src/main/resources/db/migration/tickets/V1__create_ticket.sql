-- Runs on SQLite (standalone) and PostgreSQL (distributed). The one type they spell differently,
-- a UTC instant, comes from the "instant" placeholder set per database in tickets.yaml.
CREATE TABLE ticket (
    id             VARCHAR(36)              NOT NULL PRIMARY KEY,
    version        BIGINT                   NOT NULL,
    airline        VARCHAR(63)              NOT NULL,
    flight_number  VARCHAR(6)               NOT NULL,
    origin         VARCHAR(3)               NOT NULL,
    destination    VARCHAR(3)               NOT NULL,
    departure_time ${instant} NOT NULL,
    cabin          VARCHAR(20)              NOT NULL,
    seat           VARCHAR(3)               NOT NULL,
    price          NUMERIC(12, 2)           NOT NULL,
    currency       VARCHAR(3)               NOT NULL,
    status         VARCHAR(10)              NOT NULL,
    created_at     ${instant} NOT NULL,
    updated_at     ${instant} NOT NULL,
    -- one seat of one flight is sold once
    CONSTRAINT uk_ticket_flight_seat UNIQUE (airline, flight_number, departure_time, seat)
);

-- the public search: by route and day, by airline, or just by departure
CREATE INDEX ix_ticket_route ON ticket (origin, destination, departure_time);
CREATE INDEX ix_ticket_airline ON ticket (airline, departure_time);
CREATE INDEX ix_ticket_departure ON ticket (departure_time);
