-- The detention matcher (domain/coordination/detentions.rs) re-reads the last seconds of changed
-- cases, since PostgreSQL commits out of order. It read them 500 at a time from the start of that
-- window, so more than 500 cases changed within it (a busy office, a load test) held it on the
-- same 500 for good: later detentions were never matched, and the same keys were rewritten every
-- second. Each case now records the `updated_at` it was matched at; the matcher reads only cases
-- changed since. Mirrors sqlite/0022_case_matched_at.sql.
ALTER TABLE cases ADD COLUMN matched_at BIGINT;
UPDATE cases SET matched_at = updated_at WHERE id IN (SELECT DISTINCT case_id FROM case_match_keys);
