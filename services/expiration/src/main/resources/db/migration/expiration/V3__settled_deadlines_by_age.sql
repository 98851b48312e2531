-- Deadlines that will never fire again are purged by when they settled (decision 0042). Portable: SQLite and
-- PostgreSQL.
CREATE INDEX ix_deadline_settled ON deadline (settled_at);
