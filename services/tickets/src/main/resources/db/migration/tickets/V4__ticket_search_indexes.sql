-- The public search pages by (departure_time, id): id breaks the ties of flights leaving at the same minute, so a
-- page never repeats or skips a ticket. Each index of the search ends in both columns, so a page is read from the
-- index in that order instead of sorting every match (decision 0033). Portable: SQLite and PostgreSQL.
DROP INDEX ix_ticket_route;
DROP INDEX ix_ticket_airline;
DROP INDEX ix_ticket_departure;
CREATE INDEX ix_ticket_route ON ticket (origin, destination, departure_time, id);
CREATE INDEX ix_ticket_airline ON ticket (airline, departure_time, id);
CREATE INDEX ix_ticket_departure ON ticket (departure_time, id);
-- the price filter: within one currency, in page order; price last, so the range is checked in the index before a
-- row is read (and a count needs no row at all)
CREATE INDEX ix_ticket_currency ON ticket (currency, departure_time, id, price);
