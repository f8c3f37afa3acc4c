//! SQL for sessions and API tokens. Only hashes of their secrets are stored.

use sqlx::{Any, Executor, FromRow};

pub struct SessionRow {
    pub user_id: i64,
    pub csrf_token: String,
    pub second_factor_pending: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

pub async fn insert_session<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id_hash: &str,
    s: &SessionRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, csrf_token, second_factor_pending, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id_hash)
    .bind(s.user_id)
    .bind(&s.csrf_token)
    .bind(super::flag(s.second_factor_pending))
    .bind(s.created_at)
    .bind(s.last_seen_at)
    .bind(s.expires_at)
    .execute(ex)
    .await
    .map(|_| ())
}

pub async fn get_session<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id_hash: &str,
) -> Result<Option<SessionRow>, sqlx::Error> {
    let row: Option<(i64, String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT user_id, csrf_token, second_factor_pending, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|(user_id, csrf_token, pending, created_at, last_seen_at, expires_at)| SessionRow {
        user_id,
        csrf_token,
        second_factor_pending: pending != 0,
        created_at,
        last_seen_at,
        expires_at,
    }))
}

pub async fn touch_session<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(now)
        .bind(id_hash)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn complete_second_factor<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET second_factor_pending = 0 WHERE id_hash = $1")
        .bind(id_hash)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn delete_session<'c, E: Executor<'c, Database = Any>>(ex: E, id_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(ex).await.map(|_| ())
}

pub async fn delete_sessions_of<'c, E: Executor<'c, Database = Any>>(ex: E, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(ex).await.map(|_| ())
}

/// Ends every session of a user but one (the one that changed the password).
pub async fn delete_other_sessions<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    keep_id_hash: &str,
) -> Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(keep_id_hash)
        .execute(ex)
        .await
        .map(|r| r.rows_affected())
}

pub async fn delete_expired_sessions<'c, E: Executor<'c, Database = Any>>(ex: E, now: i64) -> Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(now).execute(ex).await.map(|r| r.rows_affected())
}

#[derive(Debug, Clone, FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

const TOKEN_COLUMNS: &str = "id, user_id, name, prefix, created_at, expires_at, revoked_at, last_used_at";

pub async fn insert_token<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    name: &str,
    token_hash: &str,
    prefix: &str,
    created_at: i64,
    expires_at: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user_id)
    .bind(name)
    .bind(token_hash)
    .bind(prefix)
    .bind(created_at)
    .bind(expires_at)
    .fetch_one(ex)
    .await
}

pub async fn token_by_hash<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    token_hash: &str,
) -> Result<Option<TokenRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(ex)
        .await
}

pub async fn tokens_of<'c, E: Executor<'c, Database = Any>>(ex: E, user_id: i64) -> Result<Vec<TokenRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC"))
        .bind(user_id)
        .fetch_all(ex)
        .await
}

pub async fn token_by_id<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<TokenRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE id = $1")).bind(id).fetch_optional(ex).await
}

pub async fn revoke_token<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Revokes every live token of a user; returns how many were live.
pub async fn revoke_tokens_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(ex)
        .await
        .map(|r| r.rows_affected())
}

pub async fn mark_token_used<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(ex)
        .await
        .map(|_| ())
}
