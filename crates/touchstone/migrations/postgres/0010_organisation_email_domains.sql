-- The e-mail domains the platform administrator vetted as an organisation's own. An
-- organisation administrator creates accounts only at these domains, and an account at a
-- vetted domain belongs to the organisation that owns it, so that asking for an address tells
-- an organisation administrator nothing about anyone outside their organisation (security
-- review, issue 13 item 9). A domain belongs to one organisation at most.
-- Mirrors sqlite/0010_organisation_email_domains.sql.

CREATE TABLE organisation_domains (
    domain TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    created_at BIGINT NOT NULL,
    CONSTRAINT organisation_domains_pkey PRIMARY KEY (domain)
);
CREATE INDEX organisation_domains_organisation_idx ON organisation_domains (organisation_id);
