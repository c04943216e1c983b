//! ANSI colours for terminal output: on only when the output is a terminal
//! and `NO_COLOR` is unset (<https://no-color.org>); plain text otherwise.

use std::io::IsTerminal;

/// Whether, and how, to colour text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Colours if `on`.
    pub fn new(on: bool) -> Style {
        Style { on }
    }

    /// Colours if stdout is a terminal and `NO_COLOR` is unset.
    pub fn for_stdout() -> Style {
        Style::new(std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none())
    }

    fn paint(self, sgr: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// A section heading.
    pub fn heading(self, text: &str) -> String {
        self.paint("1;36", text)
    }

    /// An opcode name and its argument.
    pub fn opname(self, text: &str) -> String {
        self.paint("33", text)
    }

    /// The evaluation stack.
    pub fn stack(self, text: &str) -> String {
        self.paint("32", text)
    }

    /// A frame entry or exit.
    pub fn frame(self, text: &str) -> String {
        self.paint("1;34", text)
    }

    /// An exception event or an error.
    pub fn exception(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// Secondary text.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}
