//! Enums whose values are listed once: the list (`ALL`), and for keyed
//! enums the key of each value (a link key, a test id, a token) and the
//! way back from a key. Written by [`keyed!`] and [`listed!`] so that no
//! list or key table is kept by hand beside its enum.

/// An enum whose values have a key each (a share-link key, a test id…).
pub trait Keyed: Copy + Eq + 'static {
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    /// The value's key.
    fn key(self) -> &'static str;
    /// The value whose key is exactly `key` (case-sensitive).
    fn from_key(key: &str) -> Option<Self> {
        Self::all().iter().copied().find(|value| value.key() == key)
    }
}

/// An enum with a key per value: `ALL`, `KEYS`, the key method and its
/// inverse, and [`Keyed`]. The method names default to `key` / `from_key`;
/// `@key testid, from_testid;` names them otherwise.
///
/// ```
/// teleprospection_roi::keyed! {
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Colour { Red = "red", Blue = "blue" }
/// }
/// assert_eq!(Colour::ALL, [Colour::Red, Colour::Blue]);
/// assert_eq!(Colour::Blue.key(), "blue");
/// assert_eq!(Colour::from_key("red"), Some(Colour::Red));
/// assert_eq!(Colour::KEYS, ["red", "blue"]);
/// ```
#[macro_export]
macro_rules! keyed {
    (
        @key $key_fn:ident, $from_fn:ident;
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];
            /// Every value's key, in the order of `ALL`.
            pub const KEYS: [&'static str; [$(stringify!($variant)),+].len()] = [$($key),+];

            /// The value's key.
            pub const fn $key_fn(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            /// The value whose key is exactly `key` (case-sensitive).
            pub fn $from_fn(key: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|value| value.$key_fn() == key)
            }
        }

        impl $crate::keyed::Keyed for $name {
            fn all() -> &'static [$name] {
                &$name::ALL
            }
            fn key(self) -> &'static str {
                $name::$key_fn(self)
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($body:tt)* }
    ) => {
        $crate::keyed! {
            @key key, from_key;
            $(#[$meta])*
            $vis enum $name { $($body)* }
        }
    };
}

/// An enum whose values are listed in `ALL`, in declaration order.
///
/// ```
/// teleprospection_roi::listed! {
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Step { First, Second }
/// }
/// assert_eq!(Step::ALL, [Step::First, Step::Second]);
/// ```
#[macro_export]
macro_rules! listed {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];
        }
    };
}
