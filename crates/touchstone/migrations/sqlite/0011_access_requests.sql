-- A police force or another agency asking for an access grant: the customs administrations of
-- its country and the platform administrators are told, and the one who grants (or declines)
-- closes the request. Mirrors postgres/0011_access_requests.sql.

CREATE TABLE access_requests (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    requested_by TEXT NOT NULL,
    scopes TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    outcome TEXT,
    decided_by TEXT,
    decided_at BIGINT,
    grant_id BIGINT REFERENCES access_grants (id)
);
CREATE INDEX access_requests_org_idx ON access_requests (org_id, created_at);
