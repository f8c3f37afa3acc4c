-- The officer's lookup finds a product by its code. With a rowid table that took three B-tree
-- searches (the primary key's index, the code's row, the product); stored WITHOUT ROWID the
-- code's row is its primary key entry, so it takes two.
CREATE TABLE product_codes_by_key (
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id),
    CONSTRAINT product_codes_pkey PRIMARY KEY (kind, code)
) WITHOUT ROWID;
INSERT INTO product_codes_by_key (kind, code, product_id) SELECT kind, code, product_id FROM product_codes;
DROP TABLE product_codes;
ALTER TABLE product_codes_by_key RENAME TO product_codes;
CREATE INDEX product_codes_product_idx ON product_codes (product_id);
