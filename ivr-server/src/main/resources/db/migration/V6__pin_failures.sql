-- Wrong PINs at the administrators' phone entry, counted together by every server of a center.
-- One row per administrator id or caller number (by its hash, never the number) with wrong tries
-- within the lockout window or a lockout in force. A server changing a tally locks its row first,
-- so wrong tries made on two servers at the same instant both count.
CREATE TABLE pin_tally (
    center       VARCHAR(40)  NOT NULL,
    subject      VARCHAR(16)  NOT NULL,   -- ADMIN_ID | CALLER_NUMBER
    value        VARCHAR(64)  NOT NULL,   -- the id, or the number as sha256:<20 hex>, or anonymous
    locked_until DATETIME(3)  NULL,       -- UTC
    changed_at   DATETIME(3)  NOT NULL,   -- UTC; idle for a lockout window and unlocked, the row is forgotten
    PRIMARY KEY (center, subject, value),
    INDEX pin_tally_changed (center, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each wrong try still inside the window; two at the same instant are two rows.
CREATE TABLE pin_failure (
    seq     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    center  VARCHAR(40)  NOT NULL,
    subject VARCHAR(16)  NOT NULL,
    value   VARCHAR(64)  NOT NULL,
    at      DATETIME(3)  NOT NULL,        -- UTC
    INDEX pin_failure_tally (center, subject, value, at),
    INDEX pin_failure_at (center, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
