-- Which records name which stored files, so that serving a file asks, through an index,
-- whether the reader may read one of the records that show it (rather than anyone signed in
-- fetching any file by its hash). Kinds: product and brand (drafts), product_published and
-- brand_published (what officers see), case (its photos), message (a thread's attachments),
-- upload (record_id: an organisation that uploaded the file).
-- Written in the transaction that writes the record. Mirrors sqlite/0009_media_uses.sql.

CREATE TABLE media_uses (
    hash TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    CONSTRAINT media_uses_pkey PRIMARY KEY (hash, record_kind, record_id)
);
CREATE INDEX media_uses_record_idx ON media_uses (record_kind, record_id);

-- The records already stored.
INSERT INTO media_uses (hash, record_kind, record_id)
SELECT DISTINCT h, k, id FROM (
    SELECT i ->> 'hash' AS h, 'product' AS k, p.id AS id
        FROM products p, jsonb_array_elements(COALESCE(p.draft::jsonb -> 'images', '[]'::jsonb)) i
    UNION SELECT g ->> 'image', 'product', p.id
        FROM products p, jsonb_array_elements(COALESCE(p.draft::jsonb -> 'guide', '[]'::jsonb)) g
    UNION SELECT i ->> 'hash', 'product_published', p.id
        FROM products p, jsonb_array_elements(COALESCE(p.published::jsonb -> 'images', '[]'::jsonb)) i
        WHERE p.published IS NOT NULL
    UNION SELECT g ->> 'image', 'product_published', p.id
        FROM products p, jsonb_array_elements(COALESCE(p.published::jsonb -> 'guide', '[]'::jsonb)) g
        WHERE p.published IS NOT NULL
    UNION SELECT b.draft::jsonb ->> 'logo', 'brand', b.id FROM brands b
    UNION SELECT b.published::jsonb ->> 'logo', 'brand_published', b.id FROM brands b WHERE b.published IS NOT NULL
    UNION SELECT ph, 'case', c.id
        FROM cases c, jsonb_array_elements_text(COALESCE(c.sheet::jsonb -> 'photos', '[]'::jsonb)) ph
    UNION SELECT a, 'message', m.id FROM case_messages m, jsonb_array_elements_text(m.attachments::jsonb) a
    UNION SELECT hash, 'upload', uploaded_by_org FROM media WHERE uploaded_by_org IS NOT NULL
) AS uses WHERE h IS NOT NULL;
