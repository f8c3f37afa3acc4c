-- Several keyed forms per target (a company's name as written, its words in any order, with
-- neighbouring words joined, written out, its consonants), so that names spelt differently meet
-- while every form stays an HMAC digest. Each hit says which form matched. Targets stored
-- before keep the one form they had. Mirrors postgres/0013_match_forms.sql.

CREATE TABLE target_match_keys (
    target_id BIGINT NOT NULL REFERENCES operation_targets (id),
    match_key TEXT NOT NULL,
    form TEXT NOT NULL,
    CONSTRAINT target_match_keys_pkey PRIMARY KEY (target_id, match_key)
);
CREATE INDEX target_match_keys_key_idx ON target_match_keys (match_key);
INSERT INTO target_match_keys (target_id, match_key, form) SELECT id, match_key, 'name' FROM operation_targets;
ALTER TABLE case_match_keys ADD COLUMN form TEXT NOT NULL DEFAULT 'name';
ALTER TABLE coordination_hits ADD COLUMN match_form TEXT;
