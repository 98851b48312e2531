-- What the inbox keeps is purged after the retention (decision 0042): applied ids by when they were applied,
-- positions by when they last moved (streams applied newer-only) or when their aggregate ended (an event that ends
-- it: a ticket withdrawn, an account deleted). Epoch milliseconds; null in rows from before, which are kept.
ALTER TABLE airtix_inbox_position ADD COLUMN changed_at BIGINT;
ALTER TABLE airtix_inbox_position ADD COLUMN ended_at BIGINT;
CREATE INDEX ix_airtix_inbox_applied ON airtix_inbox (applied_at);
CREATE INDEX ix_airtix_inbox_position_changed ON airtix_inbox_position (changed_at);
CREATE INDEX ix_airtix_inbox_position_ended ON airtix_inbox_position (ended_at) WHERE ended_at IS NOT NULL;
