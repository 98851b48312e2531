-- Provider events already applied are forgotten by age, once no provider delivers them again (decision 0042).
CREATE INDEX ix_provider_events_received ON provider_events (received_at);
