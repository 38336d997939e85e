//! Running code that may panic (a bug, or a library asserting on bad data) so
//! that one document or file fails with a message instead of unwinding
//! through a batch job or across the Python boundary.
//!
//! ```
//! let r: Result<u32, String> = newsdesk_core::panic::catch(|| panic!("index 9 out of range"));
//! assert_eq!(r.unwrap_err(), "index 9 out of range");
//! assert_eq!(newsdesk_core::panic::catch(|| 7), Ok(7));
//! ```

/// Runs `f`; a panic becomes `Err` with its message (empty if it had none).
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_formatted_panic_message_is_kept() {
        let n = 3;
        let r: Result<(), String> = super::catch(|| panic!("bad word {n}"));
        assert_eq!(r, Err("bad word 3".to_string()));
    }
}
