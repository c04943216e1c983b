//! The interpreter options of the command line (`python3 -X opt -W arg -I
//! -E -s -S -O -b -q -d -v`) as the VM sees them: `sys.flags`,
//! `sys._xoptions` and `sys.warnoptions` are built from them when `sys` is
//! first imported.

use crate::value::Value;

/// Options given to the interpreter, before the program's arguments.
#[derive(Clone, Debug, Default)]
pub struct CommandLine {
    /// `-X name[=value]`, in order (`value` `None` for a bare name, which
    /// `sys._xoptions` maps to `True`).
    pub xoptions: Vec<(String, Option<String>)>,
    /// `-W arg`, in order.
    pub warnoptions: Vec<String>,
    /// The comma-separated entries of `PYTHONWARNINGS` (empty under `-E`).
    pub env_warnoptions: Vec<String>,
    /// `-I`: isolated mode (implies `-E` and `-s`, no script directory on
    /// `sys.path`).
    pub isolated: bool,
    /// `-E`: `PYTHON*` (and `PITH*`) environment variables ignored.
    pub ignore_environment: bool,
    /// `-s`: no user site directory.
    pub no_user_site: bool,
    /// `-S`: no `site` import.
    pub no_site: bool,
    /// `-O` count.
    pub optimize: u8,
    /// `-b` count.
    pub bytes_warning: u8,
    /// `-q`.
    pub quiet: bool,
    /// `-d` count.
    pub debug: u8,
    /// `-v` count.
    pub verbose: u8,
}

impl CommandLine {
    /// Whether `-X name` was given (with or without a value).
    pub fn has_xoption(&self, name: &str) -> bool {
        self.xoptions.iter().any(|(n, _)| n == name)
    }

    /// `sys.flags` in field order (`dont_write_bytecode` is given by the
    /// caller: the VM's own setting).
    pub(crate) fn flags(&self, dont_write_bytecode: i64) -> Vec<Value> {
        let int = |n: u8| Value::Int(i64::from(n));
        let flag = |b: bool| Value::Int(i64::from(b));
        let utf8 = self
            .xoptions
            .iter()
            .find(|(n, _)| n == "utf8")
            .map_or(0, |(_, v)| i64::from(v.as_deref() != Some("0")));
        vec![
            int(self.debug),
            Value::Int(0),
            Value::Int(0),
            int(self.optimize),
            Value::Int(dont_write_bytecode),
            flag(self.no_user_site || self.isolated),
            flag(self.no_site),
            flag(self.ignore_environment || self.isolated),
            int(self.verbose),
            int(self.bytes_warning),
            flag(self.quiet),
            flag(crate::hash::hash_seed() != crate::hash::HashSeed::Fixed(0)),
            flag(self.isolated),
            Value::Bool(self.has_xoption("dev")),
            Value::Int(utf8),
            Value::Int(i64::from(self.has_xoption("warn_default_encoding"))),
            Value::Bool(self.isolated),
            Value::Int(-1),
        ]
    }

    /// `sys.warnoptions` in CPython's `config_init_warnoptions` order, lowest
    /// precedence first (the `warnings` module lets later entries win):
    /// `-X dev`'s `default`, `PYTHONWARNINGS`, `-W` options, then `-b`'s.
    pub(crate) fn warnoptions_list(&self) -> Value {
        Value::list(self.warnoptions_strs().map(Value::str).collect())
    }

    fn warnoptions_strs(&self) -> impl Iterator<Item = &str> {
        let dev = self.has_xoption("dev").then_some("default");
        let bytes = match self.bytes_warning {
            0 => None,
            1 => Some("default::BytesWarning"),
            _ => Some("error::BytesWarning"),
        };
        dev.into_iter()
            .chain(self.env_warnoptions.iter().map(String::as_str))
            .chain(self.warnoptions.iter().map(String::as_str))
            .chain(bytes)
    }

    /// Whether `sys.warnoptions` has entries for `warnings` to apply.
    pub(crate) fn has_warnoptions(&self) -> bool {
        self.warnoptions_strs().next().is_some()
    }

    /// `sys._xoptions`: name to value, or to `True` for a bare `-X name`.
    pub(crate) fn xoptions_dict(&self) -> Value {
        let mut d = crate::dict::Dict::new();
        for (name, value) in &self.xoptions {
            let v = value.as_deref().map_or(Value::Bool(true), Value::str);
            let _ = d.insert(Value::str(name), v);
        }
        Value::dict(d)
    }
}
