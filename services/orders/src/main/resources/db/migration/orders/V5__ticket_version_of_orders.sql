-- The version of the ticket a customer agreed to: the tickets service refuses the reservation when its ticket
-- changed since. Null for orders made before it was recorded. Portable: SQLite and PostgreSQL.
ALTER TABLE orders ADD COLUMN ticket_version BIGINT;
