//! Declarative tables from which the node enums and operator enums are generated.

/// Declares a sum-type node enum (`stmt`, `expr`, `pattern`) whose variants carry
/// node structs with a `range` field, and derives the CPython class name and range.
macro_rules! node_enum {
    ($(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident($ty:ty) ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum $name {
            $( $(#[$vmeta])* $variant($ty), )*
        }

        impl $name {
            /// CPython's class name for this node (`type(node).__name__`).
            #[must_use]
            pub fn kind_name(&self) -> &'static str {
                match self {
                    $( Self::$variant(_) => stringify!($variant), )*
                }
            }
        }

        impl $crate::Ranged for $name {
            fn range(&self) -> $crate::TextRange {
                match self {
                    $( Self::$variant(node) => node.range, )*
                }
            }
        }
    };
}

/// Declares a field-less enum (`operator`, `cmpop`, ...) from a table of
/// `Variant => "source symbol"`, deriving its CPython class name and symbol.
macro_rules! unit_enum {
    ($(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $symbol:literal ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every variant, in CPython's declaration order.
            pub const ALL: &'static [Self] = &[ $( Self::$variant, )* ];

            /// CPython's class name (`type(op).__name__`).
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $( Self::$variant => stringify!($variant), )*
                }
            }

            /// How the operator is spelled in source (empty for contexts).
            #[must_use]
            pub const fn symbol(self) -> &'static str {
                match self {
                    $( Self::$variant => $symbol, )*
                }
            }
        }
    };
}

pub(crate) use node_enum;
pub(crate) use unit_enum;

/// Declares a node struct; every field is public and documented by its CPython name.
macro_rules! node_struct {
    ($(#[$meta:meta])* $name:ident { $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[doc = concat!("The `", stringify!($field), "` field.")]
                pub $field: $ty,
            )*
        }
    };
}

pub(crate) use node_struct;
