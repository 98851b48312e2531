-- Runs on SQLite (standalone) and PostgreSQL (distributed), like V1.

-- The name and e-mail address of the people who buy, for receipts; a copy of Keycloak's, fed by user events and
-- deleted when the account is deleted. Nothing else about a person is kept here.
CREATE TABLE customer (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- Keycloak's event time in epoch milliseconds: a late, older update never overwrites a newer one
    version    BIGINT       NOT NULL,
    email      VARCHAR(254),
    first_name VARCHAR(255),
    last_name  VARCHAR(255)
);
