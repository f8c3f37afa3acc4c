-- The customs office an officer works at, as they name it on their account page: prefilled on
-- the detention form (code and name; both optional, free text within the lengths the case
-- sheet accepts: 40 and 200 characters). Mirrors postgres/0018_officer_office.sql.

ALTER TABLE users ADD COLUMN office_code TEXT;
ALTER TABLE users ADD COLUMN office_name TEXT;
