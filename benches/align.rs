//! Placeholder: filled in by the align benchmark work.
fn main() {}
