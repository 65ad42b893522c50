//! Write tokens: who may add documents through the server. A token is 32 random bytes shown
//! once, in hex, when it is made; the store keeps only its SHA-256, under a name, with when it
//! was made and, once revoked, when.

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::{Store, StoreError};

/// A token as listed: never the token itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRow {
    /// Its name.
    pub name: String,
    /// When it was made (RFC 3339).
    pub created: String,
    /// When it was revoked, if it was.
    pub revoked: Option<String>,
}

/// Why a token could not be made or revoked.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// The name is empty, too long, or holds characters other than letters, digits, `-`, `_`
    /// and `.`.
    #[error("{0:?}: a token name is 1 to 64 letters, digits, '-', '_' or '.'")]
    BadName(String),
    /// A token of that name exists (revoked or not: names are not reused).
    #[error("a token named {0:?} exists already (names are not reused; pick another)")]
    Taken(String),
    /// No token of that name.
    #[error("no token named {0:?}")]
    Unknown(String),
    /// The system's random source failed.
    #[error("no random bytes for the token: {0}")]
    Random(String),
    /// The store failed.
    #[error("{0}")]
    Store(#[from] StoreError),
}

fn digest(token: &str) -> Vec<u8> {
    Sha256::digest(token.trim().as_bytes()).to_vec()
}

fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Store {
    /// Makes a write token named `name` at time `now` and returns it: the only time it is seen.
    pub fn create_token(&mut self, name: &str, now: &str) -> Result<String, TokenError> {
        if !valid_name(name) {
            return Err(TokenError::BadName(name.to_string()));
        }
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| TokenError::Random(e.to_string()))?;
        let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let taken: bool = self
            .conn
            .query_row("SELECT count(*) FROM tokens WHERE name = ?1", [name], |r| r.get::<_, i64>(0))
            .map_err(fail)?
            > 0;
        if taken {
            return Err(TokenError::Taken(name.to_string()));
        }
        self.conn
            .execute(
                "INSERT INTO tokens (name, hash, created) VALUES (?1, ?2, ?3)",
                params![name, digest(&token), now],
            )
            .map_err(fail)?;
        Ok(token)
    }

    /// Revokes the token named `name` at time `now` (revoking it again changes nothing).
    pub fn revoke_token(&mut self, name: &str, now: &str) -> Result<(), TokenError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let changed = self
            .conn
            .execute("UPDATE tokens SET revoked = coalesce(revoked, ?2) WHERE name = ?1", params![name, now])
            .map_err(fail)?;
        if changed == 0 {
            return Err(TokenError::Unknown(name.to_string()));
        }
        Ok(())
    }

    /// Every token, by name.
    pub fn tokens(&self) -> Result<Vec<TokenRow>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let mut stmt =
            self.conn.prepare("SELECT name, created, revoked FROM tokens ORDER BY name").map_err(fail)?;
        let rows = stmt
            .query_map([], |r| Ok(TokenRow { name: r.get(0)?, created: r.get(1)?, revoked: r.get(2)? }))
            .map_err(fail)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(fail)?;
        Ok(rows)
    }

    /// The name of the live (not revoked) token `token`, if it is one.
    pub fn token_name(&self, token: &str) -> Result<Option<String>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn
            .query_row("SELECT name FROM tokens WHERE hash = ?1 AND revoked IS NULL", [digest(token)], |r| {
                r.get(0)
            })
            .optional()
            .map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::TokenError;
    use crate::Store;

    #[test]
    fn a_token_works_until_revoked_and_only_its_hash_is_kept() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("news.db");
        let mut store = Store::open(&path).expect("a store");
        let token = store.create_token("desk", "2026-03-04T12:00:00Z").expect("a token");
        assert_eq!(token.len(), 64);
        assert_eq!(store.token_name(&token).expect("read").as_deref(), Some("desk"));
        assert_eq!(store.token_name("not-a-token").expect("read"), None);
        assert!(matches!(store.create_token("desk", "now"), Err(TokenError::Taken(_))));
        assert!(matches!(store.create_token("a b", "now"), Err(TokenError::BadName(_))));
        let other = store.create_token("robot", "2026-03-04T12:00:00Z").expect("another");
        assert_ne!(token, other);
        store.revoke_token("desk", "2026-03-05T00:00:00Z").expect("revoked");
        assert_eq!(store.token_name(&token).expect("read"), None);
        assert_eq!(store.token_name(&other).expect("read").as_deref(), Some("robot"));
        assert!(matches!(store.revoke_token("nobody", "now"), Err(TokenError::Unknown(_))));
        let listed = store.tokens().expect("listed");
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].revoked.as_deref(), Some("2026-03-05T00:00:00Z"));
        drop(store);
        let bytes = std::fs::read(&path).expect("the file");
        assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()), "the token itself is not stored");
    }
}
