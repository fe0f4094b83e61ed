//! Typed sentence indices, so the original's and the translation's sides cannot be swapped.

use serde::Serialize;

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub usize);

        impl $name {
            /// The 0-based index.
            pub fn get(self) -> usize {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

index_type!(
    /// Index of a sentence in the original document.
    OrigIdx
);
index_type!(
    /// Index of a sentence in the translation.
    TransIdx
);
