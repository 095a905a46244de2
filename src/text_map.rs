//! A map from short texts to small values whose keys lie back to back in one string: a CV's
//! hundreds of distinct words cost a few growing allocations instead of one each.

use std::hash::BuildHasher;

use hashbrown::hash_table::Entry;
use hashbrown::HashTable;

/// Texts mapped to copyable values, the texts kept back to back.
pub(crate) struct TextMap<V> {
    /// Every key, back to back.
    texts: String,
    /// Where each key lies in `texts`, with its value.
    entries: HashTable<Keyed<V>>,
    /// Seeded per process, like every map of text a CV's author controls (see the README).
    hasher: foldhash::fast::RandomState,
}

/// One key, as a place in [`TextMap::texts`], and its value.
#[derive(Clone, Copy)]
struct Keyed<V> {
    start: u32,
    len: u32,
    value: V,
}

impl<V> Keyed<V> {
    fn key<'t>(&self, texts: &'t str) -> &'t str {
        let start = self.start as usize;
        &texts[start..start + self.len as usize]
    }
}

impl<V> Default for TextMap<V> {
    fn default() -> Self {
        TextMap {
            texts: String::new(),
            entries: HashTable::new(),
            hasher: foldhash::fast::RandomState::default(),
        }
    }
}

impl<V: Copy> TextMap<V> {
    /// The value of `key`, or `make`'s, kept under `key`, when the map has none.
    pub(crate) fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> V {
        let TextMap {
            texts,
            entries,
            hasher,
        } = self;
        let same_key = |keyed: &Keyed<V>| keyed.key(texts) == key;
        let rehash = |keyed: &Keyed<V>| hasher.hash_one(keyed.key(texts));
        match entries.entry(hasher.hash_one(key), same_key, rehash) {
            Entry::Occupied(occupied) => occupied.get().value,
            Entry::Vacant(vacant) => {
                let value = make();
                let place = |at: usize| u32::try_from(at).expect("under 4 GiB of keys");
                vacant.insert(Keyed {
                    start: place(texts.len()),
                    len: place(key.len()),
                    value,
                });
                texts.push_str(key);
                value
            }
        }
    }

    /// Every key and its value, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, V)> + '_ {
        (self.entries.iter()).map(|keyed| (keyed.key(&self.texts), keyed.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_keeps_its_first_value() {
        let mut map = TextMap::default();
        let words = ["audit", "audits", "audit", "", "audits", "sécurité"];
        let numbers: Vec<u32> = (0..)
            .zip(words)
            .map(|(n, word)| map.get_or_insert_with(word, || n))
            .collect();
        assert_eq!(numbers, [0, 1, 0, 3, 1, 5]);
        let mut kept: Vec<(&str, u32)> = map.iter().collect();
        kept.sort();
        assert_eq!(
            kept,
            [("", 3), ("audit", 0), ("audits", 1), ("sécurité", 5)]
        );
    }
}
