import warnings

# String literals right before a character no token begins with ($, ?) are
# parsed before the parser fails there, so their escape warnings come out
# (once). Before a tokenizer error the literals are never decoded.
sources = ["'\\e' $", "'\\q' 'ok' ?", "('\\d' $)", "'\\e' 'unterminated",
           "'\\e' \x01", "'\\e' (", "'\\e' +", "x = '\\e' + '\\f' $", "'\\e'"]
for src in sources:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeprecationWarning)
        try:
            eval(src)
            result = "evaluated"
        except SyntaxError as e:
            result = f"SyntaxError: {e.msg}"
    print(repr(src), result, [str(w.message) for w in caught])
