//! Content-addressed storage of cleaned files.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 0x0F)]));
    }
    hex
}

/// Whether `hash` looks like a [`sha256_hex`] output: exactly 64 lowercase
/// hex digits. Anything else (`..`, `/`, uppercase, …) is never a stored name.
pub fn is_valid_hash(hash: &str) -> bool {
    hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Files stored under the SHA-256 of their content, as
/// `root/ab/cd/abcd…` (two levels of fan-out keep directories small).
///
/// Identical uploads share one file, a name can never point at other
/// content, and files are never modified once written, so they can be served
/// with immutable caching.
#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

/// Makes temporary names unique among the threads of this process; the
/// process id separates processes sharing the directory.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl FileStore {
    /// A store rooted at `root`; directories are created on first [`put`](Self::put).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        FileStore { root: root.into() }
    }

    /// The directory holding the files.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the file with this hash lives (whether or not it exists), or
    /// `None` when `hash` is not 64 lowercase hex digits.
    pub fn path_of(&self, hash: &str) -> Option<PathBuf> {
        if !is_valid_hash(hash) {
            return None;
        }
        Some(self.root.join(&hash[0..2]).join(&hash[2..4]).join(hash))
    }

    /// Stores `bytes` and returns their SHA-256 hex.
    ///
    /// The file appears atomically: it is written to a temporary file in the
    /// same directory, flushed to disk, then renamed, so a crash never leaves a
    /// half-written file under a valid name. Storing content that is already
    /// there leaves the existing file untouched.
    pub fn put(&self, bytes: &[u8]) -> io::Result<String> {
        let hash = sha256_hex(bytes);
        let path = self.path_of(&hash).expect("sha256_hex gives a valid hash");
        if path.is_file() {
            return Ok(hash);
        }
        let dir = path.parent().expect("path_of has parents");
        fs::create_dir_all(dir)?;

        let temp =
            dir.join(format!(".{hash}.{}.{}.tmp", std::process::id(), TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)));
        let written = (|| {
            let mut file = OpenOptions::new().write(true).create_new(true).open(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            // Two concurrent puts of the same content both rename; the second
            // replaces an identical file, which is harmless.
            fs::rename(&temp, &path)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        // Make the rename itself durable. Directories cannot be opened for
        // syncing everywhere (Windows), and the data is safe either way.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(hash)
    }

    /// The content stored under `hash`, or `None` when there is none — which
    /// includes every `hash` that is not 64 lowercase hex digits, so a value
    /// taken from a URL cannot reach outside the store.
    pub fn get(&self, hash: &str) -> io::Result<Option<Vec<u8>>> {
        let Some(path) = self.path_of(hash) else {
            return Ok(None);
        };
        match fs::read(path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Deletes the file stored under `hash` (a purge: no record uses it any
    /// more); true when there was one. An invalid hash removes nothing.
    pub fn remove(&self, hash: &str) -> io::Result<bool> {
        let Some(path) = self.path_of(hash) else {
            return Ok(false);
        };
        match fs::remove_file(path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_nothing_is_the_well_known_one() {
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn only_64_lowercase_hex_digits_are_hashes() {
        assert!(is_valid_hash(&sha256_hex(b"x")));
        assert!(!is_valid_hash(&sha256_hex(b"x").to_uppercase()));
        assert!(!is_valid_hash("../../etc/passwd"));
        assert!(!is_valid_hash(&"a".repeat(63)));
        assert!(!is_valid_hash(&"a".repeat(65)));
        assert!(!is_valid_hash(&format!("{}/", "a".repeat(63))));
    }

    #[test]
    fn a_removed_file_is_gone_once_and_nothing_outside_the_store_is_touched() {
        let root = std::env::temp_dir().join(format!("media-remove-{}", std::process::id()));
        let store = FileStore::new(&root);
        let hash = store.put(b"a purged photo").unwrap();
        assert!(store.remove(&hash).unwrap());
        assert_eq!(store.get(&hash).unwrap(), None);
        assert!(!store.remove(&hash).unwrap(), "already gone");
        assert!(!store.remove("../../etc/passwd").unwrap());
        let _ = fs::remove_dir_all(root);
    }
}
