-- Wrong second-factor codes since the last right one: counted per account (a new password
-- sign-in does not reset them, or a thief holding the password could guess codes forever,
-- four at a time), and the last time step accepted, so that a code is never used twice.
ALTER TABLE users ADD COLUMN second_factor_failures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
