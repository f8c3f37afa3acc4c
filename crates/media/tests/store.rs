//! `FileStore` on a real temporary directory.

use media::{sha256_hex, FileStore};

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn putting_the_same_bytes_twice_gives_the_same_hash_and_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    let first = store.put(b"a photo").unwrap();
    let second = store.put(b"a photo").unwrap();
    assert_eq!(first, second);
    assert_eq!(first, sha256_hex(b"a photo"));
    let files = files_under(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let expected = dir.path().join(&first[..2]).join(&first[2..4]).join(&first);
    assert_eq!(files[0], expected);
    assert_eq!(store.path_of(&first), Some(expected));
}

#[test]
fn get_returns_the_stored_bytes_and_none_for_unknown_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    let hash = store.put(b"detention record").unwrap();
    assert_eq!(store.get(&hash).unwrap().as_deref(), Some(&b"detention record"[..]));
    assert_eq!(store.get(&sha256_hex(b"never stored")).unwrap(), None);
}

#[test]
fn paths_outside_the_store_and_malformed_hashes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path().join("store"));
    // A real file one level up, which a traversal would reach.
    std::fs::write(dir.path().join("secret"), b"secret").unwrap();
    let hash = store.put(b"x").unwrap();
    for bad in [
        "../../etc/passwd",
        "../secret",
        "/etc/passwd",
        &hash[..63],
        &format!("{hash}0"),
        &hash.to_uppercase(),
        "",
        &format!("../{}", &hash[3..]),
    ] {
        assert_eq!(store.get(bad).unwrap(), None, "{bad:?}");
        assert_eq!(store.path_of(bad), None, "{bad:?}");
    }
}

#[test]
fn no_temporary_files_are_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    for i in 0..5u8 {
        store.put(&[i; 100]).unwrap();
    }
    let files = files_under(dir.path());
    assert_eq!(files.len(), 5);
    assert!(files.iter().all(|f| !f.to_string_lossy().ends_with(".tmp")));
}

#[test]
fn concurrent_puts_of_the_same_bytes_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    let hashes: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8).map(|_| s.spawn(|| store.put(b"same upload").unwrap())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(hashes.iter().all(|h| *h == hashes[0]));
    assert_eq!(files_under(dir.path()).len(), 1);
    assert_eq!(store.get(&hashes[0]).unwrap().as_deref(), Some(&b"same upload"[..]));
}
