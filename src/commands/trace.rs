//! `pith trace`: runs a program and shows every instruction it executes,
//! with the evaluation stack after it, frame entries and exits, and
//! exceptions. The program's output stays on stdout; the trace goes to
//! stderr or `--output FILE`, as text or as JSON lines (`docs/trace.md`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use pith_bytecode::dis::{get_instructions, DisInstruction};
use pith_bytecode::CodeObject;
use pith_vm::trace::{
    short_repr, strip_addresses, ExceptionEvent, ExceptionKind, FrameEvent, FrameExit, TraceFlow,
    TraceStep, Tracer,
};
use pith_vm::{Value, Vm, VmError};

use super::style::Style;
use crate::cli::{TraceArgs, TraceFormat};

/// How a trace is written.
#[derive(Clone, Debug)]
pub struct TraceOptions {
    /// Text or JSON lines.
    pub format: TraceFormat,
    /// Only frames whose `co_qualname` or `co_name` is this.
    pub function: Option<String>,
    /// Hide frames whose code comes from files under this directory
    /// (`--no-stdlib`: the standard library's).
    pub hide_dir: Option<std::path::PathBuf>,
    /// Stop the program after this many instructions.
    pub max_steps: Option<u64>,
    /// Width past which a value's repr is cut.
    pub width: usize,
    /// ANSI colours (text format only).
    pub style: Style,
    /// Where to put the uncaught exception (`Type: message`) and its line.
    pub failure: Option<FailureSlot>,
}

/// Receives the uncaught exception (`Type: message`) and its line.
pub type FailureSlot = Arc<Mutex<Option<(String, Option<i32>)>>>;

/// Width of the qualname column of text lines.
const FRAME_WIDTH: usize = 12;

/// `dis`'s view of one code object: its instructions by offset.
type Listing = HashMap<u32, DisInstruction>;

/// The [`Tracer`] behind `pith trace` and the trace section of `pith explain`.
pub struct TraceWriter {
    out: Box<dyn Write>,
    options: TraceOptions,
    listings: HashMap<usize, Listing>,
    steps: u64,
    /// A step that raised, held until its exception event arrives.
    raised: Option<String>,
}

impl TraceWriter {
    /// A tracer writing to `out`.
    pub fn new(out: Box<dyn Write>, options: TraceOptions) -> TraceWriter {
        TraceWriter {
            out,
            options,
            listings: HashMap::new(),
            steps: 0,
            raised: None,
        }
    }

    fn shown(&self, code: &CodeObject) -> bool {
        if let Some(dir) = &self.options.hide_dir {
            if std::path::Path::new(&*code.filename.to_string_lossy()).starts_with(dir) {
                return false;
            }
        }
        match &self.options.function {
            None => true,
            Some(name) => {
                *code.qualname.to_string_lossy() == **name || *code.name.to_string_lossy() == **name
            }
        }
    }

    fn listing(&mut self, code: &CodeObject) -> &Listing {
        self.listings
            .entry(code as *const CodeObject as usize)
            .or_insert_with(|| {
                get_instructions(code, false)
                    .into_iter()
                    .map(|i| (i.offset, i))
                    .collect()
            })
    }

    fn stack_reprs(&self, stack: &[Value]) -> Vec<String> {
        stack
            .iter()
            .map(|v| short_repr(v, self.options.width))
            .collect()
    }

    fn write_line(&mut self, line: &str) {
        let _ = self.out.write_all(line.as_bytes());
        let _ = self.out.write_all(b"\n");
    }

    fn text_prefix(depth: usize) -> String {
        "│ ".repeat(depth)
    }

    fn step_text(&mut self, step: &TraceStep<'_>) -> String {
        let width = self.options.width;
        let style = self.options.style;
        let qualname = step.code.qualname.to_string_lossy().into_owned();
        let ins = self.listing(step.code).get(&step.offset).cloned();
        let mut line = Self::text_prefix(step.depth + 1);
        let _ = write!(line, "{qualname:<FRAME_WIDTH$} {:>4} ", step.offset);
        match step.line {
            Some(l) => {
                let _ = write!(line, "{l:>4}  ");
            }
            None => line.push_str("   -  "),
        }
        let mut instr = String::new();
        let opname = step.opcode.name();
        let _ = write!(instr, "{opname:<20}");
        if let Some(ins) = &ins {
            if let Some(arg) = ins.arg {
                let _ = write!(instr, " {arg:>5}");
                if !ins.argrepr.is_empty() {
                    let _ = write!(instr, " ({})", strip_addresses(&ins.argrepr));
                }
            }
        }
        let _ = write!(line, "{}", style.opname(&format!("{instr:<44}")));
        let stack: Vec<String> = step.stack.iter().map(|v| short_repr(v, width)).collect();
        let _ = write!(line, " {}", style.stack(&format!("[{}]", stack.join(", "))));
        line
    }

    fn json_step(&mut self, step: &TraceStep<'_>, event: &str) -> String {
        let ins = self.listing(step.code).get(&step.offset).cloned();
        let mut o = JsonObject::new();
        o.str("event", event);
        o.str("frame", &step.code.qualname.to_string_lossy());
        o.num("depth", step.depth as i64);
        o.num("offset", i64::from(step.offset));
        o.opt_num("line", step.line.map(i64::from));
        o.str("opname", step.opcode.name());
        o.opt_num("arg", ins.as_ref().and_then(|i| i.arg));
        o.str(
            "argrepr",
            &strip_addresses(ins.as_ref().map_or("", |i| i.argrepr.as_str())),
        );
        o.list("stack", &self.stack_reprs(step.stack));
        o.finish()
    }
}

impl Tracer for TraceWriter {
    fn on_instruction(&mut self, step: &TraceStep<'_>) -> TraceFlow {
        let limit = self.options.max_steps;
        if limit.is_some_and(|limit| self.steps >= limit) {
            return TraceFlow::Stop;
        }
        self.steps += 1;
        if self.shown(step.code) {
            let line = match self.options.format {
                TraceFormat::Text => self.step_text(step),
                TraceFormat::Json => {
                    let event = if step.raised { "raise" } else { "instruction" };
                    self.json_step(step, event)
                }
            };
            if step.raised {
                self.raised = Some(line);
            } else {
                self.write_line(&line);
            }
        }
        // Stop before the next instruction runs, not after.
        if limit.is_some_and(|limit| self.steps >= limit) {
            return TraceFlow::Stop;
        }
        TraceFlow::Continue
    }

    fn on_frame_enter(&mut self, frame: &FrameEvent<'_>) {
        if !self.shown(frame.code) {
            return;
        }
        let qualname = frame.code.qualname.to_string_lossy().into_owned();
        let line = match self.options.format {
            TraceFormat::Text => {
                let mut line = Self::text_prefix(frame.depth);
                let title = if frame.resumed {
                    format!("┌ Frame {qualname} (resumed, depth {})", frame.depth)
                } else {
                    format!("┌ Frame {qualname} (depth {})", frame.depth)
                };
                line.push_str(&self.options.style.frame(&title));
                if !frame.stack.is_empty() {
                    let stack = self.stack_reprs(frame.stack).join(", ");
                    let _ = write!(line, "  stack [{stack}]");
                }
                line
            }
            TraceFormat::Json => {
                let mut o = JsonObject::new();
                o.str("event", if frame.resumed { "resume" } else { "call" });
                o.str("frame", &qualname);
                o.num("depth", frame.depth as i64);
                o.list("stack", &self.stack_reprs(frame.stack));
                o.finish()
            }
        };
        self.write_line(&line);
    }

    fn on_frame_exit(&mut self, frame: &FrameEvent<'_>, exit: &FrameExit<'_>) {
        if !self.shown(frame.code) {
            return;
        }
        let width = self.options.width;
        let qualname = frame.code.qualname.to_string_lossy().into_owned();
        let (event, value, text) = match exit {
            FrameExit::Return(v) => {
                let r = short_repr(v, width);
                ("return", Some(r.clone()), format!("returned {r}"))
            }
            FrameExit::Yield(v) => {
                let r = short_repr(v, width);
                ("yield", Some(r.clone()), format!("yielded {r} (suspended)"))
            }
            FrameExit::Generator => (
                "generator",
                None,
                "made a generator object (suspended before its first line)".to_string(),
            ),
            FrameExit::Exception(e) => {
                let r = exception_text(e);
                ("unwind", Some(r.clone()), format!("left by exception {r}"))
            }
        };
        let line = match self.options.format {
            TraceFormat::Text => {
                let mut line = Self::text_prefix(frame.depth);
                line.push_str(&self.options.style.frame(&format!("└ {qualname} {text}")));
                line
            }
            TraceFormat::Json => {
                let mut o = JsonObject::new();
                o.str("event", event);
                o.str("frame", &qualname);
                o.num("depth", frame.depth as i64);
                if let Some(v) = value {
                    o.str(
                        if event == "unwind" {
                            "exception"
                        } else {
                            "value"
                        },
                        &v,
                    );
                }
                o.finish()
            }
        };
        self.write_line(&line);
    }

    fn on_exception(&mut self, event: &ExceptionEvent<'_>) {
        let raised = self.raised.take();
        if !self.shown(event.code) {
            return;
        }
        let exc = exception_text(event.exception);
        match self.options.format {
            TraceFormat::Text => {
                if let Some(line) = raised {
                    self.write_line(&line);
                }
                let mut line = Self::text_prefix(event.depth + 1);
                let at = match event.line {
                    Some(l) => format!("offset {}, line {l}", event.offset),
                    None => format!("offset {}", event.offset),
                };
                let text = match event.kind {
                    ExceptionKind::Raised => format!("! {exc} raised at {at}"),
                    ExceptionKind::Propagated => {
                        format!("! {exc} came up from the call at {at}")
                    }
                    ExceptionKind::Caught { handler } => {
                        let stack = self.stack_reprs(event.stack).join(", ");
                        format!(
                            "↪ caught: jump to the handler at offset {handler}, stack [{stack}]"
                        )
                    }
                };
                line.push_str(&self.options.style.exception(&text));
                self.write_line(&line);
            }
            TraceFormat::Json => {
                let mut o = match (raised, event.kind) {
                    // The raising step: its fields, plus the exception.
                    (Some(step), _) => JsonObject::reopen(step),
                    (None, ExceptionKind::Caught { .. }) => {
                        let mut o = JsonObject::new();
                        o.str("event", "caught");
                        o.str("frame", &event.code.qualname.to_string_lossy());
                        o.num("depth", event.depth as i64);
                        o.num("offset", i64::from(event.offset));
                        o.opt_num("line", event.line.map(i64::from));
                        o
                    }
                    // No step to attach it to: the `unwind` or `caught`
                    // event that follows names the exception.
                    (None, _) => return,
                };
                o.str("exception", &exc);
                if let ExceptionKind::Caught { handler } = event.kind {
                    o.num("handler", i64::from(handler));
                    o.list("stack", &self.stack_reprs(event.stack));
                }
                let line = o.finish();
                self.write_line(&line);
            }
        }
    }
}

/// `ZeroDivisionError: division by zero`, as the last line of a traceback.
fn exception_text(v: &Value) -> String {
    match v {
        Value::Exception(e) => {
            let msg = pith_vm::repr::exc_str(e);
            if msg.is_empty() {
                e.typ.name.to_string()
            } else {
                format!("{}: {msg}", e.typ.name)
            }
        }
        other => short_repr(other, 60),
    }
}

/// A JSON object written key by key (keys are fixed ASCII names).
struct JsonObject(String);

impl JsonObject {
    fn new() -> JsonObject {
        JsonObject(String::from("{"))
    }

    /// Continues an object that [`JsonObject::finish`] closed.
    fn reopen(mut text: String) -> JsonObject {
        text.pop();
        JsonObject(text)
    }

    fn key(&mut self, key: &str) {
        if self.0.len() > 1 {
            self.0.push_str(", ");
        }
        self.0.push('"');
        self.0.push_str(key);
        self.0.push_str("\": ");
    }

    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        write_json_string(&mut self.0, value);
    }

    fn num(&mut self, key: &str, value: i64) {
        self.key(key);
        let _ = write!(self.0, "{value}");
    }

    fn opt_num(&mut self, key: &str, value: Option<i64>) {
        match value {
            Some(v) => self.num(key, v),
            None => {
                self.key(key);
                self.0.push_str("null");
            }
        }
    }

    fn list(&mut self, key: &str, items: &[String]) {
        self.key(key);
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push_str(", ");
            }
            write_json_string(&mut self.0, item);
        }
        self.0.push(']');
    }

    fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The outcome of a traced run.
pub struct TracedRun {
    /// The exit status `python3` would give (1 when `--max-steps` stopped it).
    pub status: i32,
    /// Whether `--max-steps` stopped the program.
    pub limit_hit: bool,
}

/// Runs `code` under a [`TraceWriter`] on the VM's big-stack thread.
/// `make_out` builds the trace's sink and `make_stdout` the program's
/// stdout, both on that thread.
pub fn run_traced(
    code: Arc<CodeObject>,
    argv: Vec<String>,
    options: TraceOptions,
    make_out: impl FnOnce() -> Box<dyn Write> + Send + 'static,
    make_stdout: impl FnOnce() -> Box<dyn Write> + Send + 'static,
) -> TracedRun {
    let failure = options.failure.clone();
    let worker = std::thread::Builder::new()
        .name("pith-vm".into())
        .stack_size(super::run::VM_STACK_BYTES)
        .spawn(move || {
            let mut vm = Vm::with_output(make_stdout(), Box::new(std::io::stderr()));
            // `argv[0]` is the script, or `-c` (`<string>` for explain's `-c`).
            let main_file = argv
                .first()
                .filter(|a| *a != "-c" && !a.starts_with('<'))
                .map(|a| super::run::script_name(Path::new(a)));
            super::run::set_up_program(&mut vm, argv, main_file);
            let tracer = Box::new(TraceWriter::new(make_out(), options));
            // Dropping the tracer flushes the trace.
            let (result, _tracer) = vm.run_code_traced(code, tracer);
            match result {
                Ok(()) => None,
                Err(VmError::TraceStopped) => Some(-1),
                Err(err @ VmError::Uncaught(_)) => {
                    if let (VmError::Uncaught(e), Some(slot)) = (&err, &failure) {
                        let text = exception_text(&Value::Exception(e.0.clone()));
                        let line =
                            e.0.traceback
                                .borrow()
                                .first()
                                .and_then(|tb| tb.code.positions(tb.ip).0);
                        if let Ok(mut slot) = slot.lock() {
                            *slot = Some((text, line));
                        }
                    }
                    Some(err.exit_status())
                }
                Err(err) => {
                    eprintln!("pith: {err}");
                    Some(err.exit_status())
                }
            }
        });
    match worker.map(|h| h.join()) {
        Ok(Ok(None)) => TracedRun {
            status: 0,
            limit_hit: false,
        },
        Ok(Ok(Some(-1))) => TracedRun {
            status: 1,
            limit_hit: true,
        },
        Ok(Ok(Some(status))) => TracedRun {
            status,
            limit_hit: false,
        },
        _ => TracedRun {
            status: 1,
            limit_hit: false,
        },
    }
}

/// Runs `pith trace`.
pub fn run(args: &TraceArgs) -> ExitCode {
    let (argv, code) = match (&args.code, args.script.first()) {
        (Some(text), _) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(args.script.iter().cloned());
            (argv, super::compile_source(text, "<string>").map(Arc::new))
        }
        (None, Some(file)) => {
            if !Path::new(file).exists() {
                eprintln!("pith: can't open file '{file}': [Errno 2] No such file or directory");
                return ExitCode::from(2);
            }
            (
                args.script.clone(),
                super::load_program(Path::new(file), file),
            )
        }
        (None, None) => {
            eprintln!("usage: pith trace FILE [ARGS] | pith trace -c CODE");
            return ExitCode::from(2);
        }
    };
    let Some(code) = code else {
        return ExitCode::FAILURE;
    };
    let to_file = args.output.clone();
    let colour = to_file.is_none()
        && args.format == TraceFormat::Text
        && std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let options = TraceOptions {
        format: args.format,
        function: args.function.clone(),
        hide_dir: if args.no_stdlib {
            crate::stdlib::find()
        } else {
            None
        },
        max_steps: args.max_steps,
        width: args.width,
        style: Style::new(colour),
        failure: None,
    };
    let file = match &to_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Some(f),
            Err(err) => {
                eprintln!("pith: {}: {}", path.display(), super::os_message(&err));
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let make_out = move || -> Box<dyn Write> {
        match file {
            Some(f) => Box::new(std::io::BufWriter::new(f)),
            None => Box::new(std::io::LineWriter::new(std::io::stderr())),
        }
    };
    let make_stdout =
        || -> Box<dyn Write> { Box::new(std::io::LineWriter::new(std::io::stdout())) };
    let run = run_traced(code, argv, options, make_out, make_stdout);
    if run.limit_hit {
        eprintln!(
            "pith trace: stopped after {} instructions (--max-steps); the program did not finish",
            args.max_steps.unwrap_or(0)
        );
    }
    ExitCode::from(run.status.clamp(0, 255) as u8)
}
