# A number directly followed by a keyword is a SyntaxWarning of the
# tokenizer ("invalid decimal literal"), an error under -W error; other
# letters after a number are errors, and digits after `_` are named.
import warnings

cases = [
    "1if x else y", "0xfor x", "0xfin x", "0xfnot in x", "[0xffor x in ()]",
    "1or x", "0o7and x", "0b1is x", "1jif x else y", "1e5or 2", "0if 1 else 2",
    "1.5else 2", "1iffy", "1andy", "0xfory", "0or x", "0xor x", "0band x",
    "1else 2", "1_if 1 else 2", "\n  1or x", "x = (1or\n 2)\n",
    "0b1_2", "0o1_8", "0b1__1", "0o_8", "0b_2", "0x_g", "0b12", "0o18",
    "1if '\\d' else 2", "0break", "0bor",
]
for c in cases:
    for mode in ("always", "error"):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter(mode)
            try:
                compile(c, "<s>", "exec")
                r = "ok"
            except SyntaxError as e:
                r = f"{e.msg!r} {e.lineno} {e.offset} {e.end_lineno} {e.end_offset} {e.text!r}"
        print(mode, repr(c), r, [(x.category.__name__, str(x.message), x.lineno) for x in w])
