-- Where the call came from (by the caller's area code or an entered ZIP code) and which
-- emergency announcements the caller heard.
ALTER TABLE call_record
    ADD COLUMN district      VARCHAR(40)  NULL AFTER city,
    ADD COLUMN announcements VARCHAR(400) NULL AFTER outcome,
    ADD INDEX call_record_center_topic (center, topic, started_at);
