//! `python3`'s own options before the program (`Modules/main.c`,
//! `Python/getopt.c`): short flags that may be grouped (`-IS`), `-X` and
//! `-W` with their value attached or in the next argument, and `-c CODE` /
//! `-m MODULE`, after which everything belongs to the program. The
//! interpreter options become a [`CommandLine`] for the VM; the ones clap
//! declares (`-B`, `-u`, `-c`, `-m`) are handed on to it.

use std::ffi::OsString;

use pith_vm::CommandLine;

/// The command line split the way `python3` splits it.
pub struct Split {
    /// What clap parses: the program name, clap's own options, then the
    /// script or subcommand and whatever follows it.
    pub clap_args: Vec<OsString>,
    /// The program's arguments after `-c CODE` or `-m MODULE`.
    pub program_args: Option<Vec<String>>,
    /// The interpreter options.
    pub options: CommandLine,
}

/// A malformed option: the message `python3` prints before its usage line.
pub struct OptionError(pub String);

/// Splits `args` (the program name first).
pub fn split(args: Vec<OsString>) -> Result<Split, OptionError> {
    let mut options = CommandLine::default();
    let mut clap_args = Vec::with_capacity(args.len());
    let mut iter = args.into_iter();
    clap_args.extend(iter.next());
    let mut program_args = None;
    while let Some(arg) = iter.next() {
        let Some(text) = arg.to_str().map(str::to_string) else {
            clap_args.push(arg);
            break;
        };
        // The script, a subcommand, `-` (stdin) or `--` end the options.
        if !text.starts_with('-') || text == "-" || text == "--" {
            clap_args.push(arg);
            break;
        }
        // Long options (`--help`, `--version`) are clap's.
        if text.starts_with("--") {
            clap_args.push(arg);
            continue;
        }
        let flags: Vec<char> = text[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let ch = flags[j];
            j += 1;
            match ch {
                'X' | 'W' | 'c' | 'm' => {
                    let attached: String = flags[j..].iter().collect();
                    j = flags.len();
                    let value = if attached.is_empty() {
                        match iter.next() {
                            Some(v) => v.to_string_lossy().into_owned(),
                            None => {
                                return Err(OptionError(format!(
                                    "Argument expected for the -{ch} option"
                                )))
                            }
                        }
                    } else {
                        attached
                    };
                    match ch {
                        'X' => options.xoptions.push(match value.split_once('=') {
                            Some((name, v)) => (name.to_string(), Some(v.to_string())),
                            None => (value, None),
                        }),
                        'W' => options.warnoptions.push(value),
                        _ => {
                            clap_args.push(OsString::from(format!("-{ch}")));
                            clap_args.push(OsString::from(value));
                            program_args = Some(
                                iter.by_ref()
                                    .map(|a| a.to_string_lossy().into_owned())
                                    .collect(),
                            );
                        }
                    }
                }
                'B' | 'u' => clap_args.push(OsString::from(format!("-{ch}"))),
                'I' => options.isolated = true,
                'E' => options.ignore_environment = true,
                's' => options.no_user_site = true,
                'S' => options.no_site = true,
                'O' => options.optimize = options.optimize.saturating_add(1),
                'b' => options.bytes_warning = options.bytes_warning.saturating_add(1),
                'd' => options.debug = options.debug.saturating_add(1),
                'v' => options.verbose = options.verbose.saturating_add(1),
                'q' => options.quiet = true,
                // `-R` (hash randomization) is the default, as in CPython.
                'R' => {}
                // Anything else (`-h`, `-V`, an unknown letter) is clap's.
                other => clap_args.push(OsString::from(format!("-{other}"))),
            }
        }
        if program_args.is_some() {
            break;
        }
    }
    clap_args.extend(iter);
    if environment_used(&options) {
        if let Ok(value) = std::env::var("PYTHONWARNINGS") {
            options.env_warnoptions = value
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
        }
    }
    Ok(Split {
        clap_args,
        program_args,
        options,
    })
}

/// Whether `PYTHON*`/`PITH*` environment variables count (not under `-E`
/// or `-I`).
pub fn environment_used(options: &CommandLine) -> bool {
    !options.ignore_environment && !options.isolated
}
