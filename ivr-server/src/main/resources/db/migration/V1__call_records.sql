-- One row per call, keyed by Asterisk's unique id, so a record written twice stays one row.
CREATE TABLE call_record (
    call_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    center       VARCHAR(40)  NOT NULL,
    city         VARCHAR(40)  NULL,
    dialed       VARCHAR(40)  NOT NULL,
    caller       VARCHAR(80)  NULL,      -- in full, hashed or truncated as the center says; erased first
    started_at   DATETIME(3)  NOT NULL,  -- UTC
    ended_at     DATETIME(3)  NOT NULL,  -- UTC
    language     VARCHAR(8)   NOT NULL,
    path         VARCHAR(2000) NOT NULL,
    topic        VARCHAR(40)  NULL,
    queue        VARCHAR(80)  NULL,
    outcome      VARCHAR(24)  NOT NULL,
    interpreter  BOOLEAN      NOT NULL DEFAULT FALSE,
    priority     BOOLEAN      NOT NULL DEFAULT FALSE,
    entered      VARCHAR(40)  NULL,
    survey_score TINYINT      NULL,
    menu_ms      INT          NOT NULL,  -- from answer to the queue (or to the end)
    wait_ms      INT          NULL,      -- in the queue until an agent answered
    INDEX call_record_center_started (center, started_at),
    INDEX call_record_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every input in order: keys now, speech later with transcript and confidence.
CREATE TABLE call_input (
    call_id    VARCHAR(64)  NOT NULL,
    seq        SMALLINT     NOT NULL,
    kind       VARCHAR(8)   NOT NULL,    -- key | speech | none
    value      VARCHAR(200) NOT NULL,
    confidence FLOAT        NULL,
    PRIMARY KEY (call_id, seq),
    CONSTRAINT call_input_record FOREIGN KEY (call_id) REFERENCES call_record (call_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
