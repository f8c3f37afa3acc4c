-- Which records name which stored files, so that serving a file asks, through an index,
-- whether the reader may read one of the records that show it (rather than anyone signed in
-- fetching any file by its hash). Kinds: product and brand (drafts), product_published and
-- brand_published (what officers see), case (its photos), message (a thread's attachments),
-- upload (record_id: an organisation that uploaded the file).
-- Written in the transaction that writes the record. Mirrors postgres/0009_media_uses.sql.

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
    SELECT json_extract(i.value, '$.hash') AS h, 'product' AS k, p.id AS id
        FROM products p, json_each(p.draft, '$.images') i
    UNION SELECT json_extract(g.value, '$.image'), 'product', p.id
        FROM products p, json_each(p.draft, '$.guide') g
    UNION SELECT json_extract(i.value, '$.hash'), 'product_published', p.id
        FROM products p, json_each(p.published, '$.images') i WHERE p.published IS NOT NULL
    UNION SELECT json_extract(g.value, '$.image'), 'product_published', p.id
        FROM products p, json_each(p.published, '$.guide') g WHERE p.published IS NOT NULL
    UNION SELECT json_extract(b.draft, '$.logo'), 'brand', b.id FROM brands b
    UNION SELECT json_extract(b.published, '$.logo'), 'brand_published', b.id
        FROM brands b WHERE b.published IS NOT NULL
    UNION SELECT ph.value, 'case', c.id FROM cases c, json_each(c.sheet, '$.photos') ph
    UNION SELECT a.value, 'message', m.id FROM case_messages m, json_each(m.attachments) a
    UNION SELECT hash, 'upload', uploaded_by_org FROM media WHERE uploaded_by_org IS NOT NULL
) AS uses WHERE h IS NOT NULL;
