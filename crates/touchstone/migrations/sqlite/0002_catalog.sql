-- Catalog: brands and products as validated JSON sheets, each with a draft (what the rights
-- holder edits) and a published copy (what officers see), plus the relational keys that
-- lookups and uniqueness need. Mirrors postgres/0002_catalog.sql.

CREATE TABLE brands (
    id INTEGER PRIMARY KEY,
    brand_key TEXT NOT NULL,
    owner_org_id BIGINT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    draft TEXT NOT NULL,
    published TEXT,
    published_at BIGINT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT brands_key_key UNIQUE (brand_key)
);
CREATE INDEX brands_owner_idx ON brands (owner_org_id);

CREATE TABLE brand_delegations (
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    created_at BIGINT NOT NULL,
    CONSTRAINT brand_delegations_pkey PRIMARY KEY (brand_id, org_id)
);
CREATE INDEX brand_delegations_org_idx ON brand_delegations (org_id);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    product_key TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    draft TEXT NOT NULL,
    published TEXT,
    published_at BIGINT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT products_brand_key_key UNIQUE (brand_id, product_key)
);

-- Codes claimed by a product's draft: a GTIN belongs to one product only.
CREATE TABLE product_codes (
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id),
    CONSTRAINT product_codes_pkey PRIMARY KEY (kind, code)
);
CREATE INDEX product_codes_product_idx ON product_codes (product_id);

-- GS1 company prefixes a brand owns, so an unregistered GTIN still names its brand owner.
CREATE TABLE gs1_prefixes (
    prefix TEXT NOT NULL,
    brand_id BIGINT NOT NULL REFERENCES brands (id),
    CONSTRAINT gs1_prefixes_pkey PRIMARY KEY (prefix)
);
CREATE INDEX gs1_prefixes_brand_idx ON gs1_prefixes (brand_id);

-- Every saved version of a sheet, for the history page and for audits.
CREATE TABLE catalog_history (
    id INTEGER PRIMARY KEY,
    entity_kind TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor_label TEXT NOT NULL,
    at BIGINT NOT NULL,
    sheet TEXT NOT NULL
);
CREATE INDEX catalog_history_entity_idx ON catalog_history (entity_kind, entity_id, version);

-- Uploaded files, stored by content hash in the data directory.
CREATE TABLE media (
    hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    byte_len BIGINT NOT NULL,
    width BIGINT,
    height BIGINT,
    thumbnail_hash TEXT,
    uploaded_by_org BIGINT,
    created_at BIGINT NOT NULL
);
