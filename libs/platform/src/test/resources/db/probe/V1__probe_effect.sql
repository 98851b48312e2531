-- The probe "service's" own table: what its inbox listener applied, in order.
CREATE TABLE probe_effect (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    probe_id VARCHAR(36) NOT NULL,
    version  BIGINT      NOT NULL,
    label    VARCHAR(50) NOT NULL
);
