-- Notifications: the notices organisations must hear about, each user's read marks, webhook
-- endpoints, e-mail opt-outs and the delivery outbox. Mirrors postgres/0005_notify.sql: same
-- tables, columns and constraint names.

-- One row per (event, recipient organisation); the unique key makes enqueueing idempotent.
-- The in-app inbox of every user of the organisation reads these rows directly.
CREATE TABLE notify_notices (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT notify_notices_event_org_key UNIQUE (event_id, org_id)
);
CREATE INDEX notify_notices_org_idx ON notify_notices (org_id, id);

-- A user has read a notice of their organisation.
CREATE TABLE notify_reads (
    notice_id BIGINT NOT NULL REFERENCES notify_notices (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    read_at BIGINT NOT NULL,
    CONSTRAINT notify_reads_pkey PRIMARY KEY (notice_id, user_id)
);
CREATE INDEX notify_reads_user_idx ON notify_reads (user_id);

-- An organisation's webhook endpoints. The secret signs each delivery (HMAC-SHA256), so it is
-- kept as given; removing an endpoint sets deleted_at and cancels its pending deliveries.
CREATE TABLE notify_webhooks (
    id INTEGER PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX notify_webhooks_org_idx ON notify_webhooks (org_id, deleted_at);

-- Users who asked not to receive notices by e-mail (the default is to receive them).
CREATE TABLE notify_email_optouts (
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    CONSTRAINT notify_email_optouts_pkey PRIMARY KEY (user_id)
);

-- The outbox: one row per notice and destination (an e-mail recipient or a webhook endpoint),
-- written in the transaction that enqueues the notice. A worker claims a due row with a lease
-- (claimed_by, claimed_until), sends it, and sets delivered_at; a failure records last_error
-- and pushes next_attempt_at back. cancelled_at ends a row that can no longer be delivered
-- (the user was deactivated, the endpoint removed).
CREATE TABLE notify_deliveries (
    id INTEGER PRIMARY KEY,
    notice_id BIGINT NOT NULL REFERENCES notify_notices (id),
    channel TEXT NOT NULL,
    destination TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    webhook_id BIGINT REFERENCES notify_webhooks (id),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT,
    claimed_until BIGINT,
    last_attempt_at BIGINT,
    last_error TEXT,
    delivered_at BIGINT,
    cancelled_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX notify_deliveries_due_idx ON notify_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX notify_deliveries_notice_idx ON notify_deliveries (notice_id);
CREATE INDEX notify_deliveries_webhook_idx ON notify_deliveries (webhook_id);
