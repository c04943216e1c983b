//! The builtins CPython's `site` module adds at start-up (`setquit`,
//! `setcopyright`, `sethelper`): `exit` and `quit` as `Quitter` objects,
//! `copyright`, `credits` and `license` as `_Printer`s, and `help`, all made
//! from the pure-Python `_sitebuiltins`, as `site` makes them. Pith does not
//! run the rest of `site` (no site-packages, no `.pth` files); `-S` leaves
//! all of them out, as it does in CPython.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// The end-of-file key `site.setquit` names on POSIX systems.
const EOF_KEYS: &str = "Ctrl-D (i.e. EOF)";

/// `site.setcopyright`'s credits text (outside Jython).
const CREDITS: &str =
    "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands
    for supporting Python development.  See www.python.org for more information.";

impl Vm {
    /// Adds `site`'s builtins before `__main__` runs (its namespace is
    /// `globals`). Without the standard library the interpreter's own
    /// `exit` and `quit` stay.
    pub(crate) fn install_site_builtins(&mut self, globals: &Rc<RefCell<Dict>>) {
        if self.cmdline.no_site {
            let mut b = self.builtins.borrow_mut();
            for name in ["exit", "quit"] {
                let _ = b.remove(&Value::str(name));
            }
            return;
        }
        let made = self.site_builtins(globals);
        let mut b = self.builtins.borrow_mut();
        for (name, v) in made.into_iter().flatten() {
            let _ = b.insert(Value::str(name), v);
        }
    }

    fn site_builtins(
        &mut self,
        globals: &Rc<RefCell<Dict>>,
    ) -> PyResult<Vec<(&'static str, Value)>> {
        let m = self.import_name("_sitebuiltins", &Value::None, 0, globals)?;
        let class = |vm: &mut Vm, name: &str| vm.get_attr(&m, &Rc::new(StrObj::new(name)));
        let quitter = class(self, "Quitter")?;
        let printer = class(self, "_Printer")?;
        let helper = class(self, "_Helper")?;
        let sys = self.import_name("sys", &Value::None, 0, globals)?;
        let copyright = self.get_attr(&sys, &Rc::new(StrObj::new("copyright")))?;
        let (files, dirs) = match self.get_attr(&sys, &Rc::new(StrObj::new("_stdlib_dir")))? {
            Value::Str(here) => (
                vec![Value::str("LICENSE.txt"), Value::str("LICENSE")],
                vec![
                    Value::string(format!("{}/..", here.as_str())),
                    Value::Str(here),
                    Value::str("."),
                ],
            ),
            _ => (Vec::new(), Vec::new()),
        };
        Ok(vec![
            (
                "quit",
                self.call(&quitter, &[Value::str("quit"), Value::str(EOF_KEYS)])?,
            ),
            (
                "exit",
                self.call(&quitter, &[Value::str("exit"), Value::str(EOF_KEYS)])?,
            ),
            (
                "copyright",
                self.call(&printer, &[Value::str("copyright"), copyright])?,
            ),
            (
                "credits",
                self.call(&printer, &[Value::str("credits"), Value::str(CREDITS)])?,
            ),
            (
                "license",
                self.call(
                    &printer,
                    &[
                        Value::str("license"),
                        Value::str("See https://www.python.org/psf/license/"),
                        Value::list(files),
                        Value::list(dirs),
                    ],
                )?,
            ),
            ("help", self.call(&helper, &[])?),
        ])
    }
}
