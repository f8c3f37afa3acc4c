-- Serial numbers the rights holders register for their products, and the scan events of the
-- officers' checks. A serial is stored only as its keyed hash (HMAC-SHA256 under a key derived
-- from the deployment's coordination key, truncated to 128 bits, hex), so that a copy of the
-- database hands out no valid code; batch and expiry (YYMMDD, as AI 17 writes it) are in clear.
-- A scan event keeps the product, the serial's key, the checking office's country, the time and
-- the verdict: never who checked. Mirrors postgres/0014_verify.sql.

CREATE TABLE product_serials (
    product_id BIGINT NOT NULL REFERENCES products (id),
    serial_key TEXT NOT NULL,
    batch TEXT NOT NULL,
    expiry TEXT NOT NULL,
    market TEXT,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT product_serials_pkey PRIMARY KEY (product_id, serial_key),
    CONSTRAINT product_serials_status_check
        CHECK (status IN ('active', 'recalled', 'destroyed', 'stolen', 'exported', 'sample'))
) WITHOUT ROWID;
CREATE INDEX product_serials_batch_idx ON product_serials (product_id, batch);

CREATE TABLE scan_events (
    id INTEGER PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id),
    serial_key TEXT NOT NULL,
    country TEXT NOT NULL,
    verdict TEXT NOT NULL,
    scanned_at BIGINT NOT NULL
);
CREATE INDEX scan_events_serial_idx ON scan_events (product_id, serial_key, scanned_at);
CREATE INDEX scan_events_product_idx ON scan_events (product_id, scanned_at);
