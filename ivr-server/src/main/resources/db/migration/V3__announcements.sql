-- The announcement states every server of a center agrees on.
CREATE TABLE announcement_state (
    center       VARCHAR(40)  NOT NULL,
    announcement VARCHAR(40)  NOT NULL,
    state        VARCHAR(8)   NOT NULL,   -- OFF | ARMED | ACTIVE
    expires_at   DATETIME(3)  NULL,       -- UTC
    changed_at   DATETIME(3)  NOT NULL,   -- UTC
    changed_by   VARCHAR(80)  NOT NULL,
    reason       VARCHAR(400) NOT NULL,
    PRIMARY KEY (center, announcement)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change: when, what, by whom or by which rule, with the rates that triggered it.
CREATE TABLE announcement_audit (
    seq               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    center            VARCHAR(40)  NOT NULL,
    announcement      VARCHAR(40)  NOT NULL,
    from_state        VARCHAR(8)   NOT NULL,
    to_state          VARCHAR(8)   NOT NULL,
    at                DATETIME(3)  NOT NULL,
    actor             VARCHAR(80)  NOT NULL,
    reason            VARCHAR(400) NOT NULL,
    observed_per_hour DOUBLE       NULL,
    expected_per_hour DOUBLE       NULL,
    INDEX announcement_audit_center (center, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
