//! `builtins`: the module whose namespace is the VM's builtins dict (what
//! `import builtins` and `from builtins import repr` reach).

use crate::value::Value;
use crate::vm::Vm;

/// The `builtins` module object.
pub fn init(vm: &mut Vm) -> Value {
    vm.builtins_module()
}
