//! Building ordered maps without a sort.

use std::collections::BTreeMap;

/// The map of `pairs`, the last value winning for a repeated key (as
/// `collect` does).
///
/// `collect()` into a `BTreeMap` sorts its items first, and every key and
/// value type then brings its own copy of the standard sort: about 4 KB of
/// wasm each. Inserting one by one reuses `insert`, which the page has
/// anyway, and these maps hold a few dozen entries at most.
///
/// ```
/// let map = teleprospection_roi::maps::map_of([(2, "b"), (1, "a"), (2, "c")]);
/// assert_eq!(map.into_iter().collect::<Vec<_>>(), [(1, "a"), (2, "c")]);
/// ```
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}
