//! Declarative tables from which the node enums and operator enums are generated.

/// Declares a sum-type node enum (`stmt`, `expr`, `pattern`) whose variants carry
/// node structs with a `range` field, and derives the CPython class name and range.
macro_rules! node_enum {
    ($(#[$meta:meta])* $name:ident as $sum:literal { $( $(#[$vmeta:meta])* $variant:ident($ty:ty) ),* $(,)? }) => {
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

        impl $name {
            /// CPython's abstract class for this sum (`type(node).__base__.__name__`).
            pub const SUM: &'static str = $sum;

            /// Every constructor: CPython's class name and the node struct's fields.
            pub const CLASSES: &'static [$crate::reflect::ClassFields] = &[
                $( $crate::reflect::ClassFields {
                    name: stringify!($variant),
                    fields: <$ty>::FIELDS,
                    optional: <$ty>::OPTIONAL,
                }, )*
            ];
        }

        impl $crate::reflect::Reflect for $name {
            fn none_in_list() -> Option<&'static str> {
                match $sum {
                    "stmt" => Some("None disallowed in statement list"),
                    "expr" => Some("None disallowed in expression list"),
                    _ => None,
                }
            }

            fn to_obj<B: $crate::reflect::Builder>(&self, b: &mut B) -> Result<B::Obj, B::Error> {
                match self {
                    $( Self::$variant(node) => node.build_obj(b, stringify!($variant)), )*
                }
            }

            fn from_obj<R: $crate::reflect::Reader>(
                r: &mut R,
                obj: &R::Obj,
                at: $crate::reflect::At,
            ) -> Result<Self, R::Error> {
                fn read<R: $crate::reflect::Reader>(
                    r: &mut R,
                    obj: &R::Obj,
                ) -> Result<$name, R::Error> {
                    let kind = r.kind(obj, $sum)?;
                    $( if kind == stringify!($variant) {
                        return <$ty>::read_obj(r, obj, stringify!($variant)).map($name::$variant);
                    } )*
                    Err(r.not_a(obj, $sum))
                }
                if r.is_none(obj) {
                    return Err(r.required(at));
                }
                r.enter($sum)?;
                let node = read(r, obj);
                r.leave();
                node
            }
        }
    };
}

/// Declares a field-less enum (`operator`, `cmpop`, ...) from a table of
/// `Variant => "source symbol"`, deriving its CPython class name and symbol.
macro_rules! unit_enum {
    ($(#[$meta:meta])* $name:ident as $sum:literal { $( $(#[$vmeta:meta])* $variant:ident => $symbol:literal ),* $(,)? }) => {
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

            /// CPython's abstract class for these kinds (`expr_context`, `operator`, ...).
            pub const SUM: &'static str = $sum;
        }

        impl $crate::reflect::Reflect for $name {
            fn to_obj<B: $crate::reflect::Builder>(&self, b: &mut B) -> Result<B::Obj, B::Error> {
                b.singleton(self.name())
            }

            fn from_obj<R: $crate::reflect::Reader>(
                r: &mut R,
                obj: &R::Obj,
                at: $crate::reflect::At,
            ) -> Result<Self, R::Error> {
                if r.is_none(obj) {
                    return Err(r.required(at));
                }
                let kind = r.kind(obj, $sum)?;
                Self::ALL
                    .iter()
                    .find(|v| v.name() == kind)
                    .copied()
                    .ok_or_else(|| r.not_a(obj, $sum))
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

        impl $name {
            /// The fields as declared (`range` included; `type_` is CPython's `type`).
            pub const FIELDS: &'static [&'static str] = &[ $( stringify!($field), )* ];

            /// Which of [`Self::FIELDS`] are optional (`x?` in the ASDL).
            pub const OPTIONAL: &'static [bool] =
                &[ $( <$ty as $crate::reflect::Reflect>::OPTIONAL, )* ];

            /// A new object of CPython class `class` mirroring this node.
            pub(crate) fn build_obj<B: $crate::reflect::Builder>(
                &self,
                b: &mut B,
                class: &'static str,
            ) -> Result<B::Obj, B::Error> {
                let node = b.node(class)?;
                $( $crate::reflect::Reflect::put_field(
                    &self.$field,
                    b,
                    &node,
                    $crate::reflect::py_name(stringify!($field)),
                )?; )*
                $( $crate::reflect::Reflect::put_attrs(&self.$field, b, &node)?; )*
                Ok(node)
            }

            /// This node read back from an object of CPython class `class`.
            pub(crate) fn read_obj<R: $crate::reflect::Reader>(
                r: &mut R,
                obj: &R::Obj,
                class: &'static str,
            ) -> Result<Self, R::Error> {
                Ok(Self { $(
                    $field: $crate::reflect::Reflect::take_field(
                        r,
                        obj,
                        $crate::reflect::At {
                            class,
                            field: $crate::reflect::py_name(stringify!($field)),
                        },
                    )?,
                )* })
            }
        }
    };
}

pub(crate) use node_struct;
