//! `_json.Encoder` (`make_encoder`): the settings of a `JSONEncoder`, called
//! as `_iterencode(obj, _current_indent_level)` to give the output as a list
//! of chunks (`walk.rs`).

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, cls_arg, native_fn, native_methods, new_object, receiver};
use crate::native::{ClassSpec, PropSpec, SpecFlags};
use crate::types::{type_name, TypeKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use std::rc::Rc;

/// How strs are written: by `_json`'s own escapers, or by a Python callable.
pub(super) enum StrEncoder {
    /// `encode_basestring_ascii`.
    Ascii,
    /// `encode_basestring`.
    Unicode,
    /// Anything else, called per str.
    Call,
}

/// An encoder's settings.
pub(super) struct Settings {
    /// `markers`: the dict of containers being encoded, or `None`.
    pub markers: Value,
    /// `default`.
    pub default: Value,
    /// `encoder`.
    pub encoder: Value,
    /// Which escaper `encoder` is.
    pub str_encoder: StrEncoder,
    indent: Value,
    key_separator: Rc<StrObj>,
    item_separator: Rc<StrObj>,
    /// The separators as given (str subclasses included).
    key_sep_value: Value,
    item_sep_value: Value,
    /// `sort_keys`.
    pub sort_keys: bool,
    /// `skipkeys`.
    pub skipkeys: bool,
    /// `allow_nan`.
    pub allow_nan: bool,
}

impl Settings {
    /// The separator written between a key and its value.
    pub fn key_separator(&self) -> &StrObj {
        &self.key_separator
    }

    /// The separator written between items.
    pub fn item_separator(&self) -> &StrObj {
        &self.item_separator
    }
}

native_methods!(ENCODER_M, "Encoder", ["__new__" => encoder_new, "__call__" => encoder_call]);

macro_rules! member {
    ($($member:tt)*) => {
        json_member!(Settings, "_json.Encoder", "Encoder", $($member)*)
    };
}

static ENCODER_P: &[PropSpec] = &[
    member!(G_MARKERS, "markers", |s| s.markers.clone()),
    member!(G_DEFAULT, "default", |s| s.default.clone()),
    member!(G_ENCODER, "encoder", |s| s.encoder.clone()),
    member!(G_INDENT, "indent", |s| s.indent.clone()),
    member!(G_KEYSEP, "key_separator", |s| s.key_sep_value.clone()),
    member!(G_ITEMSEP, "item_separator", |s| s.item_sep_value.clone()),
    member!(G_SORT, "sort_keys", |s| Value::Bool(s.sort_keys)),
    member!(G_SKIP, "skipkeys", |s| Value::Bool(s.skipkeys)),
];

/// `_json.Encoder`.
pub(super) static ENCODER: ClassSpec = ClassSpec {
    name: "Encoder",
    module: "_json",
    base: TypeKind::Object,
    methods: ENCODER_M,
    classmethods: &[],
    props: ENCODER_P,
    unhashable: false,
    flags: SpecFlags::MUTABLE,
};

const PARAMS: [&str; 9] = [
    "markers",
    "default",
    "encoder",
    "indent",
    "key_separator",
    "item_separator",
    "sort_keys",
    "skipkeys",
    "allow_nan",
];

/// A `"U"` argument: a str (or str subclass).
fn str_param(v: &Value, pos: usize) -> PyResult<Rc<StrObj>> {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(PyErr::type_error(format!(
            "make_encoder() argument {pos} must be str, not {}",
            type_name(v)
        ))),
    }
}

/// `make_encoder(markers, default, encoder, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan)`.
fn encoder_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let rest = crate::native::rest(&a);
    let args = bind_args(&rest, "make_encoder", &PARAMS, PARAMS.len())?;
    let arg = |i: usize| args[i].cloned().unwrap_or(Value::None);
    let key_separator = str_param(&arg(4), 5)?;
    let item_separator = str_param(&arg(5), 6)?;
    let sort_keys = vm.truthy(&arg(6))?;
    let skipkeys = vm.truthy(&arg(7))?;
    let allow_nan = vm.truthy(&arg(8))?;
    let markers = arg(0);
    let is_dict = matches!(
        crate::instance::payload_of(&markers).unwrap_or(&markers),
        Value::Dict(_)
    );
    if !matches!(markers, Value::None) && !is_dict {
        return Err(PyErr::type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            type_name(&markers)
        )));
    }
    let encoder = arg(2);
    let str_encoder = match &encoder {
        Value::Builtin(def) if def.owner == "_json" && def.name == "encode_basestring_ascii" => {
            StrEncoder::Ascii
        }
        Value::Builtin(def) if def.owner == "_json" && def.name == "encode_basestring" => {
            StrEncoder::Unicode
        }
        _ => StrEncoder::Call,
    };
    Ok(new_object(
        &cls,
        Settings {
            markers,
            default: arg(1),
            encoder,
            str_encoder,
            indent: arg(3),
            key_separator,
            item_separator,
            key_sep_value: arg(4),
            item_sep_value: arg(5),
            sort_keys,
            skipkeys,
            allow_nan,
        },
    ))
}

/// `encoder(obj, _current_indent_level)`: the list of output chunks.
fn encoder_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Settings>(&a, "_json.Encoder", "__call__")?;
    let rest = crate::native::rest(&a);
    let args = bind_args(&rest, "_iterencode", &["obj", "_current_indent_level"], 2)?;
    let (Some(obj), Some(level)) = (args[0], args[1]) else {
        return Err(PyErr::type_error("_iterencode() missing required argument"));
    };
    super::ssize_arg(vm, level)?;
    // Only read: `default` may run this encoder again.
    let s = st.borrow();
    super::walk::encode(vm, &s, obj.clone())
}
