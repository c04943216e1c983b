//! The opcode table against CPython's `opcode`/`dis` modules (`tests/data/*.txt`,
//! written by `tools/bytecode/gen.py`).

use pith_bytecode::opcode::{ArgKind, Opcode, CMP_OP, NB_OPS};

fn data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(path).expect("fixture exists")
}

fn tags(op: Opcode) -> String {
    if op.is_specialized() {
        return "-".into();
    }
    let kind = op.arg_kind();
    let mut t = Vec::new();
    if matches!(kind, ArgKind::Const | ArgKind::KwNames) {
        t.push("const");
    }
    if matches!(kind, ArgKind::Name | ArgKind::GlobalName) {
        t.push("name");
    }
    if kind.is_jump() {
        t.push("jrel");
    }
    if kind == ArgKind::Local {
        t.push("local");
    }
    if kind == ArgKind::Free {
        t.push("free");
    }
    if kind == ArgKind::Compare {
        t.push("compare");
    }
    if t.is_empty() {
        "-".into()
    } else {
        t.join(",")
    }
}

#[test]
fn table_matches_cpython() {
    let text = data("opcodes.txt");
    let mut seen = [false; 256];
    for line in text.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let num: u8 = f[0].parse().expect("number");
        seen[num as usize] = true;
        let op = Opcode::from_u8(num).unwrap_or_else(|| panic!("missing opcode {num}"));
        assert_eq!(op as u8, num);
        assert_eq!(op.name(), f[1]);
        assert_eq!(Opcode::from_name(f[1]), Some(op));
        assert_eq!(op.deopt().name(), f[2], "{line}");
        assert_eq!(op.cache_entries().to_string(), f[3], "{line}");
        assert_eq!(u8::from(op.has_arg()).to_string(), f[4], "{line}");
        assert_eq!(tags(op), f[5], "{line}");
    }
    for (n, seen) in seen.iter().enumerate() {
        assert_eq!(Opcode::from_u8(n as u8).is_some(), *seen, "opcode {n}");
    }
    assert_eq!(Opcode::all().count(), text.lines().count());
    assert_eq!(CMP_OP[2], "==");
    assert_eq!(NB_OPS[13].1, "+=");
}

/// The rows of `stack_effects.txt` (`dis.stack_effect` for each opcode and
/// argument): the line, the opcode, the argument and the line's fields.
fn stack_effect_rows() -> Vec<(String, Opcode, i32, Vec<String>)> {
    data("stack_effects.txt")
        .lines()
        .map(|line| {
            let f: Vec<String> = line.split(' ').map(str::to_string).collect();
            let op = Opcode::from_u8(f[0].parse().expect("number")).expect("defined");
            let arg = if f[1] == "N" {
                0
            } else {
                f[1].parse().expect("arg")
            };
            (line.to_string(), op, arg, f)
        })
        .collect()
}

#[test]
fn stack_effects_match_cpython() {
    let mut checked = 0;
    for (line, op, arg, f) in stack_effect_rows() {
        for (jump, want) in [None, Some(true), Some(false)].into_iter().zip(&f[2..]) {
            let want: i32 = want.parse().expect("effect");
            assert_eq!(
                op.stack_effect(arg, jump),
                Some(want),
                "{line} jump={jump:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000);
    assert_eq!(Opcode::BinaryOpAdaptive.stack_effect(0, None), None);
    // The table of effects that read no argument: constants, branch effects,
    // and neither argument-dependent nor specialized opcodes.
    assert_eq!(Opcode::LoadConst.fixed_stack_effect(false), Some(1));
    assert_eq!(Opcode::ForIter.fixed_stack_effect(true), Some(-1));
    assert_eq!(Opcode::BuildTuple.fixed_stack_effect(false), None);
    assert_eq!(Opcode::BinaryOpAdaptive.fixed_stack_effect(false), None);
}

#[test]
fn encoding_round_trips_through_the_decoder() {
    use pith_bytecode::instruction::{encode, encoded_size, instructions};
    let cases = [
        (Opcode::LoadConst, 3u32),
        (Opcode::LoadGlobal, 0x1_0203),
        (Opcode::BinaryOp, 13),
        (Opcode::PopTop, 0),
        (Opcode::JumpBackward, 0x1234_5678),
        (Opcode::LoadMethod, 300),
    ];
    let mut code = Vec::new();
    for (op, arg) in cases {
        let before = code.len();
        encode(&mut code, op, arg);
        assert_eq!(code.len() - before, 2 * encoded_size(op, arg), "{op}");
    }
    let decoded: Vec<_> = instructions(&code)
        .filter(|i| i.base_opcode() != Some(Opcode::ExtendedArg))
        .map(|i| (i.opcode().expect("valid"), i.arg.unwrap_or(0) as u32))
        .collect();
    assert_eq!(decoded, cases);
}

/// The values an instruction pops and pushes add up to CPython's stack
/// effect, which `stack_effects_match_cpython` checks against `dis`; only
/// `PRECALL` and `CALL` split the accounting differently, and agree as a pair.
#[test]
fn stack_moves_add_up_to_the_stack_effect() {
    let mut checked = 0;
    for (line, op, arg, _) in stack_effect_rows() {
        for jump in [true, false] {
            let moves = op.stack_moves(arg, jump).expect("base opcode");
            assert!(moves.pops >= 0 && moves.pushes >= 0, "{line}: {moves:?}");
            let net = moves.pushes - moves.pops;
            let effect = op.stack_effect(arg, Some(jump)).expect("base opcode");
            if matches!(op, Opcode::Precall | Opcode::Call) {
                let pair = |o: Opcode| {
                    let m = o.stack_moves(arg, jump).expect("base");
                    (
                        m.pushes - m.pops,
                        o.stack_effect(arg, Some(jump)).expect("base"),
                    )
                };
                let (precall, call) = (pair(Opcode::Precall), pair(Opcode::Call));
                assert_eq!(precall.0 + call.0, precall.1 + call.1, "{line}");
            } else {
                assert_eq!(net, effect, "{line} jump={jump}");
            }
            checked += 1;
        }
    }
    assert!(checked > 500);
    assert_eq!(Opcode::BinaryOpAdaptive.stack_moves(0, false), None);
    let call = Opcode::Call.stack_moves(2, false);
    assert_eq!(call.map(|m| (m.pops, m.pushes)), Some((4, 1)));
}
