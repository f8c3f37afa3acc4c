-- The keyed forms (HMAC digests, never plain values) a detention can be matched on, written by
-- the detention matcher, so that a target registered after the detention finds it at once.
-- The matcher reads every case again once to fill the table (its cursor is reset); hits are
-- unique per side, so nothing is notified twice. Mirrors sqlite/0012_case_match_keys.sql.

CREATE TABLE case_match_keys (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    match_key TEXT NOT NULL,
    label TEXT NOT NULL,
    CONSTRAINT case_match_keys_pkey PRIMARY KEY (case_id, match_key)
);
CREATE INDEX case_match_keys_key_idx ON case_match_keys (match_key);
DELETE FROM worker_cursors WHERE name = 'coordination.cases';
