-- Version 7 stores SQLite's product_codes WITHOUT ROWID so a lookup by code takes one B-tree
-- search fewer. PostgreSQL's table already finds the product id through its primary key index.
SELECT 1;
