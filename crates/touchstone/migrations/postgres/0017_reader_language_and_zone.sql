-- Every sentence in the reader's language and every moment in the reader's zone.
-- A user may choose an IANA time zone (else their organisation's country's zone is theirs).
-- A notice keeps what it says as a catalogue message and its arguments (JSON), so the inbox and
-- each e-mail show it in the reader's language; subject and body stay as the English text for
-- notices written before this and for the webhook payloads. Mirrors sqlite/0017_reader_language_and_zone.sql.

ALTER TABLE users ADD COLUMN time_zone TEXT;
ALTER TABLE notify_notices ADD COLUMN message TEXT;
