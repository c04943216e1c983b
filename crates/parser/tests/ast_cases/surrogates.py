# Lone surrogates from escapes: str constants CPython keeps as code points.
x = "a\ud800b\udfffc"
y = "\U0000dc80" "z" + "\ud83d\ude00"
z = u"\udc80", b"\xff" + rb"\ud800"
