//! An `eframe::Storage` kept in memory, so tests can save and load app settings without a
//! disk. Shared by the integration tests (`common::memory_storage`) and the library's own
//! unit tests (`crate::testing::memory_storage`).

#![allow(dead_code)] // each test binary uses its own subset

use std::collections::HashMap;

/// Settings kept in memory, by key.
#[derive(Default)]
pub struct MemoryStorage(pub HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}
