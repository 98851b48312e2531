-- The payment window (decision 0025): when the hold fires (FIRED), the deadline stays due once more, at the end of
-- the payment window; then it is CLOSED. An order that ends meanwhile drops it (DROPPED). Rows fired before this
-- migration have no window and stay as they are.
ALTER TABLE deadline ADD COLUMN window_closes_at BIGINT;

CREATE INDEX ix_deadline_window ON deadline (window_closes_at) WHERE status = 'FIRED';
