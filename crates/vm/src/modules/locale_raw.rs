//! The C library's locale calls (`setlocale`, `localeconv`, `nl_langinfo`,
//! `wcscoll`, `wcsxfrm`, the gettext family) as safe functions over Rust
//! strings, for `_locale`.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`: each function
//! passes NUL-terminated strings it owns and copies what the C library
//! returns (static or per-thread storage) before the next call.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString};

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t)
        -> libc::size_t;
    fn gettext(msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dgettext(domain: *const libc::c_char, msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dcgettext(
        domain: *const libc::c_char,
        msgid: *const libc::c_char,
        category: libc::c_int,
    ) -> *mut libc::c_char;
    fn textdomain(domain: *const libc::c_char) -> *mut libc::c_char;
    fn bindtextdomain(domain: *const libc::c_char, dir: *const libc::c_char) -> *mut libc::c_char;
    fn bind_textdomain_codeset(
        domain: *const libc::c_char,
        codeset: *const libc::c_char,
    ) -> *mut libc::c_char;
}

/// The bytes of a returned C string, `None` for `NULL`.
///
/// # Safety
/// `p` is `NULL` or a NUL-terminated string valid for this call.
unsafe fn copy(p: *const libc::c_char) -> Option<Vec<u8>> {
    (!p.is_null()).then(|| CStr::from_ptr(p).to_bytes().to_vec())
}

fn ptr(s: Option<&CString>) -> *const libc::c_char {
    s.map_or(std::ptr::null(), |s| s.as_ptr())
}

/// `setlocale(category, locale)`: the locale now in effect, `None` on
/// failure; `locale` `None` only queries.
pub(crate) fn setlocale(category: i32, locale: Option<&CString>) -> Option<Vec<u8>> {
    // SAFETY: `locale` is null or a valid C string; the result is copied
    // before any other locale call.
    unsafe { copy(libc::setlocale(category, ptr(locale))) }
}

/// `nl_langinfo(item)`.
pub(crate) fn nl_langinfo(item: i32) -> Vec<u8> {
    // SAFETY: the result is a valid string until the next call; copied.
    unsafe { copy(libc::nl_langinfo(item)).unwrap_or_default() }
}

/// The fields of `struct lconv` that `localeconv()` reports.
pub(crate) struct Lconv {
    /// `(name, bytes)` of the string fields, monetary ones first.
    pub strings: Vec<(&'static str, Vec<u8>)>,
    /// `(name, value)` of the `char` fields.
    pub chars: Vec<(&'static str, i8)>,
}

/// `localeconv()`.
pub(crate) fn localeconv() -> Lconv {
    // SAFETY: localeconv returns a valid static structure whose strings are
    // copied here before any other locale call.
    unsafe {
        let l = &*libc::localeconv();
        let s = |p: *mut libc::c_char| copy(p).unwrap_or_default();
        Lconv {
            strings: vec![
                ("int_curr_symbol", s(l.int_curr_symbol)),
                ("currency_symbol", s(l.currency_symbol)),
                ("mon_decimal_point", s(l.mon_decimal_point)),
                ("mon_thousands_sep", s(l.mon_thousands_sep)),
                ("mon_grouping", s(l.mon_grouping)),
                ("positive_sign", s(l.positive_sign)),
                ("negative_sign", s(l.negative_sign)),
                ("decimal_point", s(l.decimal_point)),
                ("thousands_sep", s(l.thousands_sep)),
                ("grouping", s(l.grouping)),
            ],
            chars: vec![
                ("int_frac_digits", l.int_frac_digits as i8),
                ("frac_digits", l.frac_digits as i8),
                ("p_cs_precedes", l.p_cs_precedes as i8),
                ("p_sep_by_space", l.p_sep_by_space as i8),
                ("n_cs_precedes", l.n_cs_precedes as i8),
                ("n_sep_by_space", l.n_sep_by_space as i8),
                ("p_sign_posn", l.p_sign_posn as i8),
                ("n_sign_posn", l.n_sign_posn as i8),
            ],
        }
    }
}

fn wide(s: &str) -> Vec<libc::wchar_t> {
    s.chars()
        .map(|c| c as libc::wchar_t)
        .chain(std::iter::once(0))
        .collect()
}

/// `wcscoll(a, b)` (neither may hold NUL).
pub(crate) fn strcoll(a: &str, b: &str) -> i32 {
    let (a, b) = (wide(a), wide(b));
    // SAFETY: both are NUL-terminated wide strings we own.
    unsafe { wcscoll(a.as_ptr(), b.as_ptr()) }
}

/// `wcsxfrm(s)`: the transformed wide characters.
pub(crate) fn strxfrm(s: &str) -> Vec<u32> {
    let src = wide(s);
    let mut n = src.len();
    loop {
        let mut dst: Vec<libc::wchar_t> = vec![0; n + 1];
        // SAFETY: `dst` has room for `n + 1` wide characters; `src` is ours.
        let need = unsafe { wcsxfrm(dst.as_mut_ptr(), src.as_ptr(), n + 1) };
        if need <= n {
            dst.truncate(need);
            return dst.into_iter().map(|c| c as u32).collect();
        }
        n = need;
    }
}

/// `gettext`, `dgettext` or `dcgettext`, as `category` and `domain` say.
pub(crate) fn translate(domain: Option<&CString>, msg: &CString, category: Option<i32>) -> Vec<u8> {
    // SAFETY: every argument is null or a valid C string; the result is
    // copied at once.
    unsafe {
        let r = match (category, domain) {
            (Some(c), d) => dcgettext(ptr(d), msg.as_ptr(), c),
            (None, Some(d)) => dgettext(d.as_ptr(), msg.as_ptr()),
            (None, None) => gettext(msg.as_ptr()),
        };
        copy(r).unwrap_or_default()
    }
}

/// `textdomain(domain)`: the current domain, `None` when the call failed.
pub(crate) fn text_domain(domain: Option<&CString>) -> Option<Vec<u8>> {
    // SAFETY: as `translate`.
    unsafe { copy(textdomain(ptr(domain))) }
}

/// `bindtextdomain(domain, dir)`.
pub(crate) fn bind_domain(domain: &CString, dir: Option<&CString>) -> Option<Vec<u8>> {
    // SAFETY: as `translate`.
    unsafe { copy(bindtextdomain(domain.as_ptr(), ptr(dir))) }
}

/// `bind_textdomain_codeset(domain, codeset)`.
pub(crate) fn bind_codeset(domain: &CString, codeset: Option<&CString>) -> Option<Vec<u8>> {
    // SAFETY: as `translate`.
    unsafe { copy(bind_textdomain_codeset(domain.as_ptr(), ptr(codeset))) }
}
