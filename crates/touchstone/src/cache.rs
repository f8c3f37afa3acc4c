//! Short-lived memories of what almost every API request reads again: the principal behind a
//! bearer token, brands, and the alerts in force.
//!
//! An entry is used only while no write transaction has begun on this node since it was read
//! (the store's write epoch, see [`crate::store::Db::write_epoch`]) and for at most
//! [`LIFETIME`]. So a change made through this node (a revoked token, a withdrawn alert) is
//! usually seen by the next request, and always within [`LIFETIME`]: a read that ran while the
//! change's transaction was open is stored under the new epoch. A change made through another
//! node or the CLI is seen within [`LIFETIME`].

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

pub const LIFETIME: Duration = Duration::from_secs(2);

/// Entries kept at most; the whole memory is dropped when full (cheaper than ordering it, and
/// refilled by the requests that follow). Above the 10,000 brands of a 1,000,000-product catalog.
const CAPACITY: usize = 20_000;

/// The memories a [`crate::store::Db`] handle carries, one of each type. The module that
/// remembers something names its memory's type (a [`Recent`] of its own keys and values: the
/// principal behind a token, brands by id, the alerts in force), so that the store, which
/// carries them, names nothing of the domain.
#[derive(Default)]
pub struct Caches {
    memories: RwLock<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl Caches {
    /// The memory of type `M`, made empty on first use.
    pub fn of<M: Default + Send + Sync + 'static>(&self) -> Arc<M> {
        let known =
            self.memories.read().unwrap_or_else(|poisoned| poisoned.into_inner()).get(&TypeId::of::<M>()).cloned();
        let memory = match known {
            Some(m) => m,
            None => self
                .memories
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .entry(TypeId::of::<M>())
                .or_insert_with(|| Arc::new(M::default()))
                .clone(),
        };
        memory.downcast::<M>().unwrap_or_else(|_| unreachable!("each memory is kept under its own type"))
    }
}

pub struct Recent<K, V> {
    entries: Mutex<HashMap<K, Entry<V>>>,
}

struct Entry<V> {
    epoch: u64,
    at: Instant,
    value: V,
}

impl<K: Eq + Hash, V: Clone> Default for Recent<K, V> {
    fn default() -> Self {
        Recent { entries: Mutex::new(HashMap::new()) }
    }
}

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    /// The value stored for `key`, if it was read at `epoch` less than [`LIFETIME`] ago.
    pub fn get(&self, key: &K, epoch: u64) -> Option<V> {
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.get(key).filter(|e| e.epoch == epoch && e.at.elapsed() < LIFETIME).map(|e| e.value.clone())
    }

    /// Remembers `value`, read at `epoch` (taken before the read began).
    pub fn put(&self, key: K, epoch: u64, value: V) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(key, Entry { epoch, at: Instant::now(), value });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_forgotten_when_a_write_began_after_it_was_read() {
        let memory: Recent<&str, i32> = Recent::default();
        memory.put("token", 7, 1);
        assert_eq!(memory.get(&"token", 7), Some(1));
        assert_eq!(memory.get(&"token", 8), None);
        assert_eq!(memory.get(&"other", 7), None);
    }

    #[test]
    fn a_full_memory_starts_again_rather_than_growing() {
        let memory: Recent<usize, usize> = Recent::default();
        for i in 0..=CAPACITY {
            memory.put(i, 0, i);
        }
        assert_eq!(memory.get(&CAPACITY, 0), Some(CAPACITY));
        assert_eq!(memory.get(&0, 0), None);
    }
}
