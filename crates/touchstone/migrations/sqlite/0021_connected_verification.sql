-- Connected verification: a rights holder may answer the officers' checks of a brand's serials
-- through its own HTTPS service instead of uploading them. One service per brand (a brand owner
-- runs one system for its brand); the secret signs the requests and their answers (HMAC-SHA256,
-- as webhooks), so it is kept as given to the rights holder, shown to it once.
-- A scan event now also keeps why a check could not give a verdict (the service did not answer
-- in time, answered with a wrong signature…): the reason, never who checked.
-- Mirrors postgres/0021_connected_verification.sql.

CREATE TABLE verification_services (
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT verification_services_pkey PRIMARY KEY (brand_id)
);

ALTER TABLE scan_events ADD COLUMN reason TEXT;
