//! The C library's `libm` functions where CPython's `math` calls them and the
//! Rust side (std's own implementations or the `libm` crate) rounds
//! differently in the last bit: `math.cbrt(27)` is `3.0000000000000004` with
//! glibc, and programs print these values.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`: each function
//! takes and returns plain doubles, with no pointers and no global state.
#![allow(unsafe_code)]

mod ffi {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
    }
}

/// The C library's `cbrt`. The Rust runtime links its own `cbrt` (a port
/// that rounds `cbrt(27.0)` to `3.0`) into the binary, which would shadow
/// `libm`'s for an `extern` declaration, so the C one is looked up in
/// `libm.so.6` once.
fn c_cbrt() -> Option<extern "C" fn(f64) -> f64> {
    static FOUND: std::sync::OnceLock<Option<extern "C" fn(f64) -> f64>> =
        std::sync::OnceLock::new();
    *FOUND.get_or_init(|| {
        // SAFETY: `dlopen`/`dlsym` get NUL-terminated names; a symbol found
        // in libm under `cbrt` is C's `double cbrt(double)`.
        unsafe {
            let lib = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_NOW);
            if lib.is_null() {
                return None;
            }
            let sym = libc::dlsym(lib, c"cbrt".as_ptr());
            (!sym.is_null())
                .then(|| std::mem::transmute::<*mut libc::c_void, extern "C" fn(f64) -> f64>(sym))
        }
    })
}

/// C `cbrt` (Rust's when the C library's cannot be found).
pub fn cbrt(x: f64) -> f64 {
    match c_cbrt() {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

/// C `erf`.
pub fn erf(x: f64) -> f64 {
    // SAFETY: a pure function of a double.
    unsafe { ffi::erf(x) }
}

/// C `erfc`.
pub fn erfc(x: f64) -> f64 {
    // SAFETY: a pure function of a double.
    unsafe { ffi::erfc(x) }
}

/// C `acosh` (NaN below 1, which `math` turns into a domain error).
pub fn acosh(x: f64) -> f64 {
    // SAFETY: a pure function of a double.
    unsafe { ffi::acosh(x) }
}

/// C `asinh`.
pub fn asinh(x: f64) -> f64 {
    // SAFETY: a pure function of a double.
    unsafe { ffi::asinh(x) }
}
