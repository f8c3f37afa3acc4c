-- Retention of personal data (issue 19): closed cases, screening hits and scan events are purged
-- after configurable periods, and the audit trail keeps its chain across a purge.
--
-- Audit records appended from now on are chained in a second form (chain_version 2): the hash
-- covers the SHA-256 of the record's detail (detail_hash) instead of the detail itself, so that a
-- purge can replace the detail of a purged object's records by that hash (purged_at says when)
-- and the chain still verifies. Records written before keep their first form (chain_version 1)
-- and verify as they always did; when one of them is purged, the purge's own audit record names
-- it with a digest of what it keeps (see domain/audit.rs). Mirrors postgres/0019_retention.sql.

ALTER TABLE audit_log ADD COLUMN chain_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN detail_hash TEXT;
ALTER TABLE audit_log ADD COLUMN purged_at BIGINT;
-- The purge finds the records of a purged case (its own, and its side of hits: 'detention') or
-- hit through this index, which holds those records only (queries name the kind as a literal).
CREATE INDEX audit_log_target_idx ON audit_log (target_kind, target_id)
    WHERE target_kind = 'case' OR target_kind = 'detention' OR target_kind = 'hit';

-- A purged case stays as a row without its sheet (for the figures of how cases ended).
ALTER TABLE cases ADD COLUMN purged_at BIGINT;
CREATE INDEX cases_retention_idx ON cases (state, purged_at, closed_at);
CREATE INDEX coordination_hits_created_idx ON coordination_hits (created_at);
CREATE INDEX scan_events_scanned_idx ON scan_events (scanned_at);
-- (A purge that removed personal data is followed by a VACUUM and a truncated write-ahead log,
-- so that nothing of it is left in the file: see store/retention.rs.)
