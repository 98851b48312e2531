-- The version of the ticket's last published event. The row's version also counts the holds and sales the orders
-- service reports, which publish nothing; the events' versions count only the ticket's own changes, so their
-- consumers still see every version. Until now every change published an event: the two were equal. Portable:
-- SQLite and PostgreSQL.
ALTER TABLE ticket ADD COLUMN event_version BIGINT NOT NULL DEFAULT 0;
UPDATE ticket SET event_version = COALESCE(version, 0);
