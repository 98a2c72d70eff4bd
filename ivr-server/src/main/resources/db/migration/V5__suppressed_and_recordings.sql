-- SUPPRESSED (ten letters) did not fit the state columns.
ALTER TABLE announcement_state MODIFY state VARCHAR(12) NOT NULL;   -- OFF | ARMED | ACTIVE | SUPPRESSED
ALTER TABLE announcement_audit MODIFY from_state VARCHAR(12) NOT NULL, MODIFY to_state VARCHAR(12) NOT NULL;

-- A message an administrator recorded by phone, heard in place of the announcement's prompt by the
-- callers of every server, until the announcement is switched off. The sound file as Asterisk plays it.
ALTER TABLE announcement_state ADD COLUMN recording VARCHAR(255) NULL AFTER reason;
