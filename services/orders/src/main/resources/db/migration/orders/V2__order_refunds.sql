-- Runs on SQLite (standalone) and PostgreSQL (distributed), like V1.

-- When the payment of a cancelled order (it succeeded after the hold ran out) was refunded; null otherwise
ALTER TABLE orders ADD COLUMN refunded_at ${instant};
