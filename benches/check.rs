//! Placeholder: filled in by the check benchmark work.
fn main() {}
