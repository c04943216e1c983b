//! Module specs and loaders: `__spec__` and `__loader__` of imported modules,
//! as `importlib._bootstrap.ModuleSpec` and the loaders of
//! `importlib._bootstrap_external` describe them. The classes live in the
//! native modules `_frozen_importlib` (`ModuleSpec`, `BuiltinImporter`) and
//! `_frozen_importlib_external` (`SourceFileLoader`, `NamespaceLoader`), as in
//! CPython, where those names come from; their instances are plain objects
//! whose attributes (`name`, `loader`, `origin`, `submodule_search_locations`,
//! `cached`, `parent`, `has_location`, `loader_state`) are set at import.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::instance::Instance;
use crate::types::TypeObj;
use crate::value::Value;
use crate::vm::Vm;

static SPEC_METHODS: &[BuiltinDef] = &[BuiltinDef {
    name: "__repr__",
    func: spec_repr,
    owner: "ModuleSpec",
    is_method: true,
}];

static LOADER_METHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "get_filename",
        func: loader_get_filename,
        owner: "SourceFileLoader",
        is_method: true,
    },
    BuiltinDef {
        name: "is_package",
        func: loader_is_package,
        owner: "SourceFileLoader",
        is_method: true,
    },
    BuiltinDef {
        name: "get_source",
        func: loader_get_source,
        owner: "SourceFileLoader",
        is_method: true,
    },
    BuiltinDef {
        name: "get_data",
        func: loader_get_data,
        owner: "SourceFileLoader",
        is_method: true,
    },
    BuiltinDef {
        name: "get_resource_reader",
        func: loader_get_resource_reader,
        owner: "SourceFileLoader",
        is_method: true,
    },
];

fn class(vm: &mut Vm, module: &str, name: &str, methods: &[&'static [BuiltinDef]]) -> Value {
    let mut ns = Dict::new();
    let _ = ns.insert(Value::str("__module__"), Value::str(module));
    let _ = ns.insert(Value::str("__qualname__"), Value::str(name));
    for m in methods.iter().copied().flatten() {
        let _ = ns.insert(Value::str(m.name), Value::Builtin(m));
    }
    match crate::class::new_type(vm, None, name, Vec::new(), &ns, (&[], &[])) {
        Ok(t) => Value::Type(t),
        Err(_) => Value::None,
    }
}

crate::modules::module_functions!(BOOTSTRAP_FUNCTIONS, "_frozen_importlib", [
    "__getattr__" => crate::modules::importlib::bootstrap_getattr,
]);

crate::modules::module_functions!(EXTERNAL_FUNCTIONS, "_frozen_importlib_external", [
    "__getattr__" => crate::modules::importlib::external_getattr,
]);

/// `_frozen_importlib`: `ModuleSpec`, `BuiltinImporter` and
/// `FrozenImporter`; other names
/// come from `importlib._bootstrap` through the module's `__getattr__`.
pub fn init_bootstrap(vm: &mut Vm) -> Value {
    let spec = class(
        vm,
        "_frozen_importlib",
        "ModuleSpec",
        &[SPEC_METHODS, &crate::spec_methods::SPEC_INIT],
    );
    let builtin = class(
        vm,
        "_frozen_importlib",
        "BuiltinImporter",
        &[&crate::spec_methods::BUILTIN_IMPORTER_METHODS],
    );
    let frozen = class(
        vm,
        "_frozen_importlib",
        "FrozenImporter",
        &[&crate::spec_methods::FROZEN_IMPORTER_METHODS],
    );
    crate::modules::new_module(
        "_frozen_importlib",
        BOOTSTRAP_FUNCTIONS,
        vec![
            ("ModuleSpec", spec),
            ("BuiltinImporter", builtin),
            ("FrozenImporter", frozen),
        ],
    )
}

/// `_frozen_importlib_external`: `SourceFileLoader` and `NamespaceLoader`;
/// other names come from `importlib._bootstrap_external`.
pub fn init_external(vm: &mut Vm) -> Value {
    let source = class(
        vm,
        "_frozen_importlib_external",
        "SourceFileLoader",
        &[LOADER_METHODS, &crate::spec_methods::LOADER_CODE_METHODS],
    );
    let namespace = class(vm, "_frozen_importlib_external", "NamespaceLoader", &[]);
    crate::modules::new_module(
        "_frozen_importlib_external",
        EXTERNAL_FUNCTIONS,
        vec![("SourceFileLoader", source), ("NamespaceLoader", namespace)],
    )
}

fn class_of(vm: &mut Vm, module: &str, name: &str) -> Option<Rc<TypeObj>> {
    let Ok(Value::Module(m)) = vm.import_module(module) else {
        return None;
    };
    let found = crate::import::dict_get(&m.dict.borrow(), name);
    match found {
        Some(Value::Type(t)) => Some(t),
        _ => None,
    }
}

fn instance(t: Rc<TypeObj>, attrs: Vec<(&str, Value)>) -> Value {
    let inst = Instance::new(t, Value::Null);
    {
        let d_rc = inst.dict.clone();
        let mut d = d_rc.borrow_mut();
        for (k, v) in attrs {
            let _ = d.insert(Value::str(k), v);
        }
    }
    Value::Instance(Rc::new(inst))
}

/// `__main__.__loader__` when a program runs from a file (a
/// `SourceFileLoader` for it, `SourcelessFileLoader` for a `.pyc`) or from `-c` or standard input (the
/// `BuiltinImporter` class), as CPython's `pymain_run_python` sets it.
pub(crate) fn main_loader(vm: &mut Vm) -> Value {
    match vm.main_file.clone() {
        Some(file) => {
            let class = if file.ends_with(".pyc") {
                "SourcelessFileLoader"
            } else {
                "SourceFileLoader"
            };
            // A module without the sourceless loader lends the source one.
            class_of(vm, "_frozen_importlib_external", class)
                .or_else(|| class_of(vm, "_frozen_importlib_external", "SourceFileLoader"))
                .map_or(Value::None, |t| {
                    instance(
                        t,
                        vec![
                            ("name", Value::str("__main__")),
                            ("path", Value::str(&file)),
                        ],
                    )
                })
        }
        None => {
            class_of(vm, "_frozen_importlib", "BuiltinImporter").map_or(Value::None, Value::Type)
        }
    }
}

/// Where a module came from, for its spec.
pub(crate) enum Origin<'a> {
    /// A native module.
    BuiltIn,
    /// A source file (and the package directory for an `__init__.py`).
    Source {
        file: &'a str,
        cached: String,
        package_dir: Option<&'a str>,
    },
    /// A namespace package directory.
    Namespace(&'a str),
    /// A module CPython imports frozen (`crate::frozen`), from this source.
    Frozen(&'a str),
}

/// `(__spec__, __loader__)` for a module `name` from `origin`.
pub(crate) fn spec_and_loader(vm: &mut Vm, name: &str, origin: Origin<'_>) -> (Value, Value) {
    let Some(spec_type) = class_of(vm, "_frozen_importlib", "ModuleSpec") else {
        return (Value::None, Value::None);
    };
    let parent = |is_package: bool| {
        if is_package {
            name.to_string()
        } else {
            name.rsplit_once('.').map_or("", |(p, _)| p).to_string()
        }
    };
    let mut frozen_state = None;
    let (loader, origin_value, search, cached, has_location, is_package) = match origin {
        Origin::BuiltIn => {
            let loader = class_of(vm, "_frozen_importlib", "BuiltinImporter")
                .map_or(Value::None, Value::Type);
            (
                loader,
                Value::str("built-in"),
                Value::None,
                Value::None,
                false,
                false,
            )
        }
        Origin::Source {
            file,
            cached,
            package_dir,
        } => {
            let loader = class_of(vm, "_frozen_importlib_external", "SourceFileLoader").map_or(
                Value::None,
                |t| {
                    instance(
                        t,
                        vec![("name", Value::str(name)), ("path", Value::str(file))],
                    )
                },
            );
            let search = package_dir.map_or(Value::None, |d| Value::list(vec![Value::str(d)]));
            (
                loader,
                Value::str(file),
                search,
                Value::string(cached),
                true,
                package_dir.is_some(),
            )
        }
        Origin::Namespace(dir) => {
            let loader = class_of(vm, "_frozen_importlib_external", "NamespaceLoader")
                .map_or(Value::None, |t| instance(t, Vec::new()));
            let search = Value::list(vec![Value::str(dir)]);
            (loader, Value::None, search, Value::None, false, true)
        }
        Origin::Frozen(file) => {
            let loader = class_of(vm, "_frozen_importlib", "FrozenImporter")
                .map_or(Value::None, Value::Type);
            // `find_spec`'s `loader_state`: where the module came from.
            let state = crate::simple_namespace::new_namespace(
                vm,
                vec![
                    ("filename", Value::str(file)),
                    ("origname", Value::str(name)),
                ],
            );
            frozen_state = Some(state);
            (
                loader,
                Value::str("frozen"),
                Value::None,
                Value::None,
                false,
                false,
            )
        }
    };
    let spec = instance(
        spec_type,
        vec![
            ("name", Value::str(name)),
            ("loader", loader.clone()),
            ("origin", origin_value),
            ("loader_state", frozen_state.unwrap_or(Value::None)),
            ("submodule_search_locations", search),
            ("cached", cached),
            ("parent", Value::string(parent(is_package))),
            ("has_location", Value::Bool(has_location)),
            ("_set_fileattr", Value::Bool(has_location)),
        ],
    );
    (spec, loader)
}

/// Gives a native module its `__spec__` and `__loader__` (not the two
/// modules that hold the spec classes, which are made first).
pub(crate) fn set_builtin_spec(vm: &mut Vm, name: &str, module: &Value) {
    if name.starts_with("_frozen_importlib") {
        return;
    }
    let Value::Module(m) = module else {
        return;
    };
    let (spec, loader) = spec_and_loader(vm, name, Origin::BuiltIn);
    let mut d = m.dict.borrow_mut();
    let _ = d.insert(Value::str("__loader__"), loader);
    let _ = d.insert(Value::str("__spec__"), spec);
}

fn attr(obj: &Value, name: &str) -> Value {
    match obj {
        Value::Instance(i) => {
            crate::import::dict_get(&i.dict.clone().borrow(), name).unwrap_or(Value::None)
        }
        _ => Value::None,
    }
}

/// `ModuleSpec.__repr__`, as `importlib._bootstrap.ModuleSpec.__repr__`.
fn spec_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(this) = a.pos.first() else {
        return Err(PyErr::type_error("ModuleSpec.__repr__ needs an argument"));
    };
    let mut parts = vec![
        format!("name={}", vm.repr_of(&attr(this, "name"))?),
        format!("loader={}", vm.repr_of(&attr(this, "loader"))?),
    ];
    let origin = attr(this, "origin");
    if !matches!(origin, Value::None) {
        parts.push(format!("origin={}", vm.repr_of(&origin)?));
    }
    let search = attr(this, "submodule_search_locations");
    if !matches!(search, Value::None) {
        parts.push(format!(
            "submodule_search_locations={}",
            vm.str_of(&search)?
        ));
    }
    let class_name = match this {
        Value::Instance(i) => i.class().name.clone(),
        _ => "ModuleSpec".to_string(),
    };
    Ok(Value::string(format!("{class_name}({})", parts.join(", "))))
}

fn loader_path(a: &Args<'_>) -> PyResult<String> {
    match a.pos.first().map(|t| attr(t, "path")) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        _ => Err(PyErr::type_error("loader has no path")),
    }
}

fn loader_get_filename(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::string(loader_path(&a)?))
}

fn loader_is_package(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let path = loader_path(&a)?;
    let stem = std::path::Path::new(&path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    Ok(Value::Bool(stem == "__init__"))
}

fn loader_get_data(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let path = match a.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => loader_path(&a)?,
    };
    std::fs::read(&path)
        .map(|b| Value::Bytes(Rc::new(b)))
        .map_err(|e| crate::oserror::from_io(&e, Some(Value::string(path))))
}

/// `FileLoader.get_resource_reader(name=None)`: an
/// `importlib.readers.FileReader` over the module's directory (what
/// `importlib.resources` reads a package's files with). As `_check_name`,
/// a name other than the loader's is refused.
fn loader_get_resource_reader(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(me) = a.pos.first() else {
        return Err(PyErr::type_error("get_resource_reader() needs a loader"));
    };
    let own = attr(me, "name");
    if let Some(name) = a.pos.get(1).or_else(|| a.kw("module")) {
        if !matches!(name, Value::None) {
            let (own, name) = (vm.str_of(&own)?, vm.str_of(name)?);
            if own != name {
                return Err(crate::import_error::new(
                    crate::types::ExcKind::ImportError,
                    format!("loader for {own} cannot handle {name}"),
                    &name,
                    None,
                ));
            }
        }
    }
    let readers = vm.import_dotted("importlib.readers")?;
    let key = vm.intern("FileReader");
    let class = vm.get_attr(&readers, &key)?;
    vm.call(&class, std::slice::from_ref(me))
}

fn loader_get_source(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let path = loader_path(&a)?;
    let bytes =
        std::fs::read(&path).map_err(|e| crate::oserror::from_io(&e, Some(Value::string(path))))?;
    Ok(Value::string(String::from_utf8_lossy(&bytes).into_owned()))
}
