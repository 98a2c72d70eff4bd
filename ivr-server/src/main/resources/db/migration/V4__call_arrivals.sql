-- Call arrivals per minute, overall (topic '') and per topic, per server: the spike detector of
-- every server reads the sum over all servers of a center.
CREATE TABLE call_arrival (
    center  VARCHAR(40) NOT NULL,
    topic   VARCHAR(40) NOT NULL,
    minute  DATETIME    NOT NULL,   -- UTC, the start of the minute
    server  VARCHAR(64) NOT NULL,
    calls   INT         NOT NULL,
    PRIMARY KEY (center, topic, minute, server),
    INDEX call_arrival_minute (center, minute)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
