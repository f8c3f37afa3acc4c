-- What an organisation's API tokens may ask for, where the platform administrator set it
-- apart from the [api_limits] defaults (issue 19): requests per minute, burst and concurrent
-- requests per token. A NULL figure keeps the default; no row, every default.
-- Mirrors postgres/0015_organisation_api_limits.sql.

CREATE TABLE organisation_api_limits (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    requests_per_minute BIGINT,
    burst BIGINT,
    concurrent_requests BIGINT,
    updated_at BIGINT NOT NULL,
    CONSTRAINT organisation_api_limits_pkey PRIMARY KEY (organisation_id)
);
