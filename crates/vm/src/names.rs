//! The special-method names, declared once. Each has an index into a per-thread
//! table of shared `str` objects (lookups need no allocation) and a bit in a
//! class's cache of which special methods Python code defines.

use std::rc::Rc;

use crate::value::StrObj;

macro_rules! dunders {
    ($( $id:ident = $s:literal ),* $(,)?) => {
        /// A special-method name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum D {
            $(
                #[doc = concat!("`", $s, "`")]
                $id,
            )*
        }

        /// Every name, in [`D`] order.
        pub const NAMES: &[&str] = &[$( $s ),*];

        /// Every variant, in order.
        const ALL: &[D] = &[$( D::$id ),*];

        impl D {
            /// The name with this text, if it is a special method.
            pub fn from_name(s: &str) -> Option<D> {
                match s {
                    $( $s => Some(D::$id), )*
                    _ => None,
                }
            }
        }
    };
}

dunders! {
    // Binary operators in `BINARY_OP` order: forward, reflected, in-place.
    Add = "__add__", RAdd = "__radd__", IAdd = "__iadd__",
    And = "__and__", RAnd = "__rand__", IAnd = "__iand__",
    FloorDiv = "__floordiv__", RFloorDiv = "__rfloordiv__", IFloorDiv = "__ifloordiv__",
    LShift = "__lshift__", RLShift = "__rlshift__", ILShift = "__ilshift__",
    MatMul = "__matmul__", RMatMul = "__rmatmul__", IMatMul = "__imatmul__",
    Mul = "__mul__", RMul = "__rmul__", IMul = "__imul__",
    Mod = "__mod__", RMod = "__rmod__", IMod = "__imod__",
    Or = "__or__", ROr = "__ror__", IOr = "__ior__",
    Pow = "__pow__", RPow = "__rpow__", IPow = "__ipow__",
    RShift = "__rshift__", RRShift = "__rrshift__", IRShift = "__irshift__",
    Sub = "__sub__", RSub = "__rsub__", ISub = "__isub__",
    TrueDiv = "__truediv__", RTrueDiv = "__rtruediv__", ITrueDiv = "__itruediv__",
    Xor = "__xor__", RXor = "__rxor__", IXor = "__ixor__",
    // Rich comparisons in `COMPARE_OP` order.
    Lt = "__lt__", Le = "__le__", Eq = "__eq__", Ne = "__ne__", Gt = "__gt__", Ge = "__ge__",
    Neg = "__neg__", Pos = "__pos__", Abs = "__abs__", Invert = "__invert__",
    Init = "__init__", New = "__new__", Repr = "__repr__", Str = "__str__",
    Bool = "__bool__", Len = "__len__", Iter = "__iter__", Next = "__next__",
    GetItem = "__getitem__", SetItem = "__setitem__", DelItem = "__delitem__",
    Contains = "__contains__", Call = "__call__", Enter = "__enter__", Exit = "__exit__",
    Hash = "__hash__", Index = "__index__", Format = "__format__", Missing = "__missing__",
    GetAttr = "__getattr__", GetAttribute = "__getattribute__", SetAttr = "__setattr__",
    DelAttr = "__delattr__", Get = "__get__", Set = "__set__", Delete = "__delete__",
    SetName = "__set_name__", InitSubclass = "__init_subclass__",
    ClassGetItem = "__class_getitem__", InstanceCheck = "__instancecheck__",
    SubclassCheck = "__subclasscheck__", Int = "__int__", Float = "__float__",
    Round = "__round__", Reversed = "__reversed__", Slots = "__slots__",
    Dict = "__dict__", Weakref = "__weakref__", Module = "__module__",
    Qualname = "__qualname__", Doc = "__doc__",
    ClassCell = "__classcell__", Name = "__name__", Prepare = "__prepare__",
    BuildClass = "__build_class__", Del = "__del__", Builtins = "__builtins__",
    Import = "__import__", Class = "__class__",
    Divmod = "__divmod__", RDivmod = "__rdivmod__",
}

thread_local! {
    static INTERNED: Vec<Rc<StrObj>> = NAMES.iter().map(|s| Rc::new(StrObj::new(s))).collect();
}

impl D {
    /// The shared `str` object of this name.
    pub fn name(self) -> Rc<StrObj> {
        INTERNED.with(|t| t[self as usize].clone())
    }

    /// The name as text.
    pub fn as_str(self) -> &'static str {
        NAMES[self as usize]
    }

    /// Its bit in a class's special-method cache.
    #[inline]
    pub fn bit(self) -> u128 {
        1u128 << (self as u32)
    }

    /// The forward, reflected and in-place names of a `BINARY_OP` operator.
    pub fn binary(op: u32) -> (D, D, D) {
        let i = (op % crate::ops::nb::INPLACE) as usize * 3;
        (ALL[i], ALL[i + 1], ALL[i + 2])
    }

    /// The name of a `COMPARE_OP` operator.
    pub fn compare(op: crate::ops::CmpOp) -> D {
        ALL[D::Lt as usize + op as usize]
    }
}
