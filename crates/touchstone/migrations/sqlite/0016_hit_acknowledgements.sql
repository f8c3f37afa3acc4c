-- Each side acknowledges its hit once it has talked to the other ("we go ahead", "we stand
-- down", "we merge"), recorded with who and when; a hit left unacknowledged is recalled to its
-- side once. Mirrors postgres/0016_hit_acknowledgements.sql.

ALTER TABLE coordination_hits ADD COLUMN ack_outcome TEXT;
ALTER TABLE coordination_hits ADD COLUMN ack_note TEXT;
ALTER TABLE coordination_hits ADD COLUMN ack_by TEXT;
ALTER TABLE coordination_hits ADD COLUMN ack_at BIGINT;
ALTER TABLE coordination_hits ADD COLUMN reminded_at BIGINT;
