-- Files shared by every node (issue 19). On PostgreSQL several nodes serve one deployment, and a
-- picture uploaded through one must be served by the others: the bytes of every stored file are
-- kept here too, by content hash, and each node's data directory is only a cache of them. The
-- bytes are written before the `media` row that names them (a file without a row is never
-- served), so a row always has its bytes on every node. On SQLite (one node) the table stays
-- empty. Mirrors postgres/0020_shared_files.sql.
CREATE TABLE media_files (
    hash TEXT NOT NULL,
    bytes BLOB NOT NULL,
    CONSTRAINT media_files_pkey PRIMARY KEY (hash)
);

-- Files a purge removed: each node removes its cached copy on its next retention pass, so that
-- a purged photo of a detention does not stay on a disk the purging node cannot reach.
CREATE TABLE media_files_removed (
    hash TEXT NOT NULL,
    removed_at BIGINT NOT NULL
);
CREATE INDEX media_files_removed_at_idx ON media_files_removed (removed_at);
