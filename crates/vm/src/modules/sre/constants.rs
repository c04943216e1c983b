//! SRE opcode, position and category numbers of CPython 3.11's
//! `Lib/re/_constants.py` (`MAGIC` 20220615); the compiled code that
//! `re._compiler` hands to `_sre.compile` is made of these.

/// `_sre.MAGIC`: the code format version `re._compiler` checks.
pub const MAGIC: i64 = 20_220_615;
/// `_sre.MAXREPEAT`: an unbounded repeat count.
pub const MAXREPEAT: u32 = u32::MAX;
/// `_sre.MAXGROUPS`: the most groups a pattern may have.
pub const MAXGROUPS: i64 = (i32::MAX / 2) as i64;

macro_rules! codes {
    ($( $name:ident = $n:literal ),* $(,)?) => {
        $( #[doc = concat!("`", stringify!($name), "`")] pub const $name: u32 = $n; )*
    };
}

/// Opcodes.
pub mod op {
    codes!(
        FAILURE = 0,
        SUCCESS = 1,
        ANY = 2,
        ANY_ALL = 3,
        ASSERT = 4,
        ASSERT_NOT = 5,
        AT = 6,
        BRANCH = 7,
        CATEGORY = 8,
        CHARSET = 9,
        BIGCHARSET = 10,
        GROUPREF = 11,
        GROUPREF_EXISTS = 12,
        IN = 13,
        INFO = 14,
        JUMP = 15,
        LITERAL = 16,
        MARK = 17,
        MAX_UNTIL = 18,
        MIN_UNTIL = 19,
        NOT_LITERAL = 20,
        NEGATE = 21,
        RANGE = 22,
        REPEAT = 23,
        REPEAT_ONE = 24,
        MIN_REPEAT_ONE = 26,
        ATOMIC_GROUP = 27,
        POSSESSIVE_REPEAT = 28,
        POSSESSIVE_REPEAT_ONE = 29,
        GROUPREF_IGNORE = 30,
        IN_IGNORE = 31,
        LITERAL_IGNORE = 32,
        NOT_LITERAL_IGNORE = 33,
        GROUPREF_LOC_IGNORE = 34,
        IN_LOC_IGNORE = 35,
        LITERAL_LOC_IGNORE = 36,
        NOT_LITERAL_LOC_IGNORE = 37,
        GROUPREF_UNI_IGNORE = 38,
        IN_UNI_IGNORE = 39,
        LITERAL_UNI_IGNORE = 40,
        NOT_LITERAL_UNI_IGNORE = 41,
        RANGE_UNI_IGNORE = 42,
    );
}

/// `AT` position codes.
pub mod at {
    codes!(
        BEGINNING = 0,
        BEGINNING_LINE = 1,
        BEGINNING_STRING = 2,
        BOUNDARY = 3,
        NON_BOUNDARY = 4,
        END = 5,
        END_LINE = 6,
        END_STRING = 7,
        LOC_BOUNDARY = 8,
        LOC_NON_BOUNDARY = 9,
        UNI_BOUNDARY = 10,
        UNI_NON_BOUNDARY = 11,
    );
}

/// Pattern flags (`re.IGNORECASE`, ...) in the order `Pattern.__repr__` names them.
pub const FLAG_NAMES: &[(i64, &str)] = &[
    (1, "re.TEMPLATE"),
    (2, "re.IGNORECASE"),
    (4, "re.LOCALE"),
    (8, "re.MULTILINE"),
    (16, "re.DOTALL"),
    (32, "re.UNICODE"),
    (64, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (256, "re.ASCII"),
];
