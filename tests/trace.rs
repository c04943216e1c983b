//! `pith trace` and `pith explain` on every `tests/trace/NAME.py`.
//!
//! Pith is the only implementation of these commands, so their expected
//! output (`tests/trace/expected/NAME.trace`, `NAME.explain`) is written by
//! Pith itself: `PITH_BLESS=1 cargo test --test trace` rewrites the files,
//! and every rewrite is reviewed by hand before it is committed (the stack
//! column must follow from each instruction's stack effect; the checker in
//! `json_stream_follows_schema_and_stack_effects` does that mechanically).
//! Program output itself is CPython's (the programs are also checked
//! against `python3` by `tools/check_trace_programs.py`).

use std::path::{Path, PathBuf};
use std::process::Command;

use pith_bytecode::Opcode;
use serde_json::Value as Json;

const DIR: &str = "tests/trace";

fn programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .expect("tests/trace exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    names
}

/// Runs `pith ARGS` in `tests/trace` without colour.
fn pith(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(args)
        .current_dir(DIR)
        .env("NO_COLOR", "1")
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("pith runs");
    (
        mask_addresses(&String::from_utf8_lossy(&output.stdout)),
        mask_addresses(&String::from_utf8_lossy(&output.stderr)),
        output.status.code().unwrap_or(-1),
    )
}

/// Program output may print addresses (`<code object f at 0x...>`).
fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn golden(kind: &str, render: impl Fn(&str) -> String) {
    let bless = std::env::var_os("PITH_BLESS").is_some();
    let names = programs();
    assert!(names.len() >= 20, "at least 20 golden programs");
    let mut failures = Vec::new();
    for name in &names {
        let got = render(name);
        let path = Path::new(DIR)
            .join("expected")
            .join(format!("{name}.{kind}"));
        if bless {
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
            std::fs::write(&path, &got).expect("write expected");
            continue;
        }
        let want =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {}", path.display()));
        if got != want {
            failures.push(format!(
                "{}:\n{}",
                path.display(),
                first_difference(&want, &got)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn first_difference(want: &str, got: &str) -> String {
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("  line {}:\n  want {w:?}\n  got  {g:?}", i + 1);
        }
    }
    format!(
        "  lengths differ: want {} lines, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn trace_golden() {
    golden("trace", |name| {
        let (stdout, stderr, status) = pith(&["trace", &format!("{name}.py")]);
        format!("status: {status}\n--- stdout\n{stdout}--- stderr (trace)\n{stderr}")
    });
}

#[test]
fn explain_golden() {
    golden("explain", |name| {
        let (stdout, stderr, status) = pith(&["explain", &format!("{name}.py")]);
        format!("status: {status}\n--- stdout\n{stdout}--- stderr\n{stderr}")
    });
}

// ---- the JSON stream ----

fn schema() -> Json {
    let text = std::fs::read_to_string("docs/trace.schema.json").expect("docs/trace.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn type_matches(value: &Json, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "null" => value.is_null(),
        _ => false,
    }
}

/// Validates `value` against the subset of JSON Schema the trace schema
/// uses: `type`, `enum`, `minimum`, `required`, `properties`,
/// `additionalProperties: false`, `items`, `allOf`, `if`/`then`.
fn validate(schema: &Json, value: &Json) -> Result<(), String> {
    if let Some(t) = schema.get("type") {
        let ok = match t {
            Json::String(name) => type_matches(value, name),
            Json::Array(names) => names
                .iter()
                .any(|n| n.as_str().is_some_and(|n| type_matches(value, n))),
            _ => false,
        };
        if !ok {
            return Err(format!("{value} is not of type {t}"));
        }
    }
    if let Some(Json::Array(options)) = schema.get("enum") {
        if !options.contains(value) {
            return Err(format!("{value} is not one of {options:?}"));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Json::as_i64), value.as_i64()) {
        if n < min {
            return Err(format!("{n} < {min}"));
        }
    }
    if let Some(object) = value.as_object() {
        if let Some(Json::Array(required)) = schema.get("required") {
            for key in required.iter().filter_map(Json::as_str) {
                if !object.contains_key(key) {
                    return Err(format!("missing {key:?} in {value}"));
                }
            }
        }
        let properties = schema.get("properties").and_then(Json::as_object);
        for (key, v) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => validate(sub, v).map_err(|e| format!("{key}: {e}"))?,
                None if schema.get("additionalProperties") == Some(&Json::Bool(false)) => {
                    return Err(format!("unexpected {key:?} in {value}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for item in array {
            validate(items, item)?;
        }
    }
    if let Some(Json::Array(all)) = schema.get("allOf") {
        for sub in all {
            validate(sub, value)?;
        }
    }
    if let (Some(cond), Some(then)) = (schema.get("if"), schema.get("then")) {
        if validate(cond, value).is_ok() {
            validate(then, value)?;
        }
    }
    Ok(())
}

/// One executed instruction, for the stack checker.
struct Step {
    op: Opcode,
    arg: i32,
    offset: i64,
    /// The frame's stack (value reprs) after the previous event.
    before: Vec<Json>,
    /// The frame's stack after this instruction.
    after: Vec<Json>,
}

/// Whether the instruction may change values below the ones it pops: it
/// mutates a container it reads deeper down (`LIST_APPEND`'s list), or runs
/// code that can mutate anything (`CALL`, `STORE_ATTR` via `__setattr__`).
fn mutates_below(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::ListAppend
            | Opcode::SetAdd
            | Opcode::MapAdd
            | Opcode::ListExtend
            | Opcode::SetUpdate
            | Opcode::DictUpdate
            | Opcode::DictMerge
            | Opcode::StoreSubscr
            | Opcode::DeleteSubscr
            | Opcode::StoreAttr
            | Opcode::DeleteAttr
            | Opcode::Call
            | Opcode::CallFunctionEx
            | Opcode::Precall
    )
}

/// Checks, frame by frame, that each instruction popped and pushed as many
/// values as the opcode table says (`Opcode::stack_moves`), and left the
/// values beneath them alone (docs/trace.md).
fn check_stack_effects(events: &[Json], name: &str) -> Result<usize, String> {
    // Per live frame (by depth): its stack after the last event, and the
    // instruction whose jump-or-not is known only at the next one.
    let mut frames: Vec<(Vec<Json>, Option<Step>)> = Vec::new();
    let mut checked = 0;
    let finish = |step: Step, next_offset: Option<i64>| -> Result<(), String> {
        let size = 2 * step.op.size() as i64;
        let jump = next_offset.is_some_and(|n| n != step.offset + size);
        let moves = step
            .op
            .stack_moves(step.arg, jump)
            .ok_or_else(|| format!("{name}: no stack moves for {}", step.op.name()))?;
        // The trace shows a yield's frame with the yielded value gone.
        let pushes = if step.op == Opcode::YieldValue {
            0
        } else {
            moves.pushes
        };
        let want = i64::from(pushes - moves.pops);
        let got = step.after.len() as i64 - step.before.len() as i64;
        let where_ = format!(
            "{name}: {} {} at offset {} (jump: {jump})",
            step.op.name(),
            step.arg,
            step.offset
        );
        if got != want {
            return Err(format!(
                "{where_}: depth {} -> {}, but the table says pops {}, pushes {pushes}",
                step.before.len(),
                step.after.len(),
                moves.pops
            ));
        }
        let kept = step.before.len().saturating_sub(moves.pops.max(0) as usize);
        if !mutates_below(step.op) && step.before[..kept] != step.after[..kept] {
            return Err(format!(
                "{where_}: changed values it does not pop: {:?} -> {:?}",
                step.before, step.after
            ));
        }
        Ok(())
    };
    for e in events {
        let event = e["event"].as_str().unwrap_or_default();
        let level = e["depth"].as_u64().unwrap_or_default() as usize;
        let stack = e.get("stack").and_then(Json::as_array).cloned();
        match event {
            "call" | "resume" => {
                frames.truncate(level);
                frames.push((stack.unwrap_or_default(), None));
            }
            "instruction" | "raise" | "caught" => {
                let Some((current, pending)) = frames.get_mut(level) else {
                    return Err(format!("{name}: event outside a frame: {e}"));
                };
                let offset = e["offset"].as_i64().unwrap_or_default();
                if let Some(step) = pending.take() {
                    if event != "caught" {
                        finish(step, Some(offset))?;
                        checked += 1;
                    }
                }
                match event {
                    "instruction" => {
                        let opname = e["opname"].as_str().unwrap_or_default();
                        let op = Opcode::from_name(opname)
                            .ok_or_else(|| format!("{name}: unknown opcode {opname}"))?;
                        let now = stack.unwrap_or_default();
                        *pending = Some(Step {
                            op,
                            arg: e["arg"].as_i64().unwrap_or(0) as i32,
                            offset,
                            before: std::mem::replace(current, now.clone()),
                            after: now,
                        });
                    }
                    // After an exception the stack is the handler's.
                    _ => {
                        if let Some(now) = stack {
                            *current = now;
                        }
                    }
                }
            }
            "return" | "yield" | "generator" | "unwind" => {
                if let Some(step) = frames.get_mut(level).and_then(|f| f.1.take()) {
                    finish(step, None)?;
                    checked += 1;
                }
                frames.truncate(level);
            }
            other => return Err(format!("{name}: unknown event {other}")),
        }
    }
    Ok(checked)
}

fn json_trace(name: &str, out: &Path) -> Vec<Json> {
    let out_s = out.display().to_string();
    let (_, _, _) = pith(&[
        "trace",
        "--format",
        "json",
        "-o",
        &out_s,
        &format!("{name}.py"),
    ]);
    let text = std::fs::read_to_string(out).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: {e}: {l}")))
        .collect()
}

fn temp_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("trace-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn json_stream_follows_schema_and_stack_effects() {
    let schema = schema();
    let dir = temp_dir();
    let mut total = 0;
    let mut failures = Vec::new();
    for name in programs() {
        let events = json_trace(&name, &dir.join(format!("{name}.jsonl")));
        if name == "syntax_error" {
            assert!(events.is_empty(), "nothing runs after a SyntaxError");
            continue;
        }
        assert!(!events.is_empty(), "{name}: empty trace");
        for e in &events {
            if let Err(err) = validate(&schema, e) {
                failures.push(format!("{name}: {err}"));
            }
        }
        match check_stack_effects(&events, &name) {
            Ok(n) => total += n,
            Err(err) => failures.push(err),
        }
    }
    eprintln!("stack effects checked on {total} instructions");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(total > 500);
}

#[test]
fn the_lessons_stack_column() {
    let events = json_trace("lesson_stack", &temp_dir().join("lesson_stack.jsonl"));
    let stacks: Vec<String> = events
        .iter()
        .filter(|e| e["frame"] == "f" && e["event"] == "instruction")
        .filter(|e| e["line"].as_i64().is_some_and(|l| (3..=5).contains(&l)))
        .map(|e| e["stack"].to_string())
        .collect();
    assert_eq!(
        stacks,
        [
            r#"["3"]"#,
            "[]",
            r#"["4"]"#,
            "[]",
            r#"["3"]"#,
            r#"["3","4"]"#,
            r#"["7"]"#,
            "[]"
        ]
    );
}

#[test]
fn max_steps_stops_with_a_message() {
    let (stdout, stderr, status) = pith(&[
        "trace",
        "--max-steps",
        "50",
        "-c",
        "while True:\n    pass\n",
    ]);
    assert_eq!(status, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("pith trace: stopped after 50 instructions (--max-steps)"),
        "{stderr}"
    );
    let steps = stderr
        .lines()
        .filter(|l| l.contains("JUMP_BACKWARD") || l.contains("NOP"))
        .count();
    assert!(steps > 0 && stderr.lines().count() < 60, "{stderr}");
}

#[test]
fn max_steps_stops_before_the_next_instruction() {
    let (stdout, stderr, status) = pith(&["trace", "--max-steps", "5", "-c", "print(1)\n"]);
    assert_eq!((stdout.as_str(), status), ("", 1), "{stderr}");
    let steps: Vec<&str> = stderr.lines().filter(|l| l.starts_with("│ ")).collect();
    assert_eq!(steps.len(), 5, "{stderr}");
    assert!(steps[4].contains("PRECALL"), "{stderr}");
}

#[test]
fn max_steps_is_not_caught_by_the_program() {
    let code = "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n";
    let (stdout, stderr, status) = pith(&["trace", "--max-steps", "20", "-c", code]);
    assert_eq!((stdout.as_str(), status), ("", 1), "{stderr}");
}

#[test]
fn function_filter_shows_one_function() {
    let (stdout, stderr, status) = pith(&["trace", "--function", "f", "lesson_frames.py"]);
    assert_eq!((stdout.as_str(), status), ("in f\n2\n", 0));
    assert!(stderr.contains("┌ Frame f"), "{stderr}");
    assert!(
        !stderr.contains("Frame g") && !stderr.contains("<module>"),
        "{stderr}"
    );
}

#[test]
fn program_output_stays_on_stdout() {
    let out = temp_dir().join("lesson_test.txt");
    let out_s = out.display().to_string();
    let (stdout, stderr, status) = pith(&["trace", "-o", &out_s, "lesson_test.py"]);
    assert_eq!(
        (stdout.as_str(), stderr.as_str(), status),
        ("5\npyth\n", "", 0)
    );
    let trace = std::fs::read_to_string(&out).expect("trace file");
    assert!(trace.contains("BINARY_OP                0 (+)"), "{trace}");
    assert!(
        trace.contains("['py', 'th']") || trace.contains("'py', 'th'"),
        "{trace}"
    );
}

#[test]
fn explain_one_stage() {
    let (stdout, _, status) = pith(&["explain", "--stage", "ast", "-c", "x = 10 + 20\n"]);
    assert_eq!(status, 0);
    assert!(
        stdout.ends_with(
            "Module\n└── Assign\n    ├── Name(x)\n    └── BinOp\n        ├── Constant(10)\n        ├── Add\n        └── Constant(20)\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("Tokens") && !stdout.contains("Bytecode"));
}

#[test]
fn explain_without_arguments_shows_the_bundled_example() {
    let (stdout, stderr, status) = pith(&["explain"]);
    assert_eq!(status, 0, "{stderr}");
    for section in [
        "1. Tokens",
        "2. Abstract syntax tree",
        "3. Compile-time decisions",
        "4. Bytecode",
        "5. .pyc file",
        "6. Execution trace",
    ] {
        assert!(stdout.contains(section), "{section} missing");
    }
    assert!(stdout.contains("10 + 20  =>  constant 30"), "{stdout}");
    assert!(stdout.contains("stdout| 42"), "{stdout}");
}

/// `--no-stdlib` hides the frames of imported standard-library modules and
/// keeps the program's own.
#[test]
fn no_stdlib_hides_library_frames() {
    let program = "import keyword\nprint(keyword.iskeyword('if'))\n";
    let calls = |extra: &[&str]| {
        let mut args = vec!["trace", "--format", "json"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["-c", program]);
        let (out, err, status) = pith(&args);
        (
            out,
            err.lines()
                .filter(|l| l.contains("\"event\": \"call\""))
                .count(),
            status,
        )
    };
    let (out, all, status) = calls(&[]);
    if status != 0 {
        // No standard library on this machine: nothing to hide.
        return;
    }
    assert_eq!(out, "True\n");
    let (out, own, _) = calls(&["--no-stdlib"]);
    assert_eq!(out, "True\n");
    assert!(all > own, "{all} frames with the library, {own} without");
    assert_eq!(own, 1, "only the program's module frame");
}
