-- The order that holds (RESERVED) or bought (SOLD) the ticket, set by the orders service's events; a release
-- applies only to the order that holds the ticket. Portable: SQLite and PostgreSQL.
ALTER TABLE ticket ADD COLUMN reserved_for VARCHAR(36);
