//! The LR(1) driver the generated parser runs on, in place of
//! `lalrpop_util`'s `Parser::drive` (`build.rs` points the generated
//! `TopParser::parse` here). It gives the same results, errors included, for
//! a grammar without error recovery, which is what this one is.
//!
//! Why a driver of our own: in `lalrpop_util`'s, shifting a token builds its
//! stack entry in two stack temporaries before copying it onto the symbol
//! stack, and each copy reads back, in 16-byte pieces, what was just written
//! in narrower pieces. The processor cannot forward such stores to the loads,
//! and the stalls were a third of the parse loop's time. Here the capacity
//! check comes first and the entry is built where it is stored.

use lalrpop_util::state_machine::{ParseResult, ParserAction, ParserDefinition, TokenTriple};
use lalrpop_util::ParseError;

/// Runs the parser `definition` over `tokens` to the end of input.
pub(crate) fn drive<D, I>(mut definition: D, tokens: I) -> ParseResult<D>
where
    D: ParserDefinition,
    I: Iterator<Item = Result<TokenTriple<D>, ParseError<D::Location, D::Token, D::Error>>>,
{
    let start = definition.start_state();
    let mut states = vec![start];
    let mut symbols = Vec::new();
    let mut last_location = definition.start_location();
    for token in tokens {
        let (first, token, end) = token?;
        last_location = end.clone();
        let Some(index) = definition.token_to_index(&token) else {
            return Err(ParseError::UnrecognizedToken {
                token: (first, token, end),
                expected: definition.expected_tokens_from_states(&states),
            });
        };
        loop {
            let action = definition.action(top(&states, start), index);
            if let Some(target) = action.as_shift() {
                states.push(target);
                // `extend` reserves first and only then runs the closure, so
                // the entry is built in its slot.
                let definition = &definition;
                symbols.extend(std::iter::once_with(|| {
                    (first, definition.token_to_symbol(index, token), end)
                }));
                break;
            }
            let Some(rule) = action.as_reduce() else {
                return Err(ParseError::UnrecognizedToken {
                    token: (first, token, end),
                    expected: definition.expected_tokens_from_states(&states),
                });
            };
            if let Some(result) = definition.reduce(rule, Some(&first), &mut states, &mut symbols) {
                // The start symbol was reduced with input left over.
                return match result {
                    Ok(_) => Err(ParseError::ExtraToken {
                        token: (first, token, end),
                    }),
                    Err(e) => Err(e),
                };
            }
        }
    }
    loop {
        let action = definition.eof_action(top(&states, start));
        let Some(rule) = action.as_reduce() else {
            return Err(ParseError::UnrecognizedEof {
                location: last_location,
                expected: definition.expected_tokens_from_states(&states),
            });
        };
        if let Some(result) = definition.reduce(rule, None, &mut states, &mut symbols) {
            return result;
        }
    }
}

/// The state on top of the stack. A reduction pops only states its own
/// symbols pushed, so the start state is never popped; it stands in for an
/// empty stack all the same, so that nothing here can panic.
#[inline]
fn top<S: Copy>(states: &[S], start: S) -> S {
    states.last().copied().unwrap_or(start)
}
