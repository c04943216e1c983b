def dumps(obj, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise ValueError(f"Out of range float values are not JSON compliant: {obj!r}")
        return repr(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\t":
                out.append("\\t")
            elif ord(ch) < 0x20 or ord(ch) > 0x7E:
                out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else "?")
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + pad + (sep + pad).join(dumps(v, indent, level + 1) for v in obj) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = []
        for k, v in obj.items():
            if not isinstance(k, str):
                raise TypeError(f"keys must be str, not {type(k).__name__}")
            items.append(dumps(k) + ": " + dumps(v, indent, level + 1))
        return "{" + pad + (sep + pad).join(items) + end + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


class ParseError(ValueError):
    pass


def loads(text):
    pos = 0

    def ws():
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1

    def value():
        nonlocal pos
        ws()
        if pos >= len(text):
            raise ParseError("unexpected end of input")
        c = text[pos]
        if c == "{":
            pos += 1
            d = {}
            ws()
            if text[pos] == "}":
                pos += 1
                return d
            while True:
                ws()
                k = value()
                ws()
                if text[pos] != ":":
                    raise ParseError(f"expected ':' at {pos}")
                pos += 1
                d[k] = value()
                ws()
                if text[pos] == "}":
                    pos += 1
                    return d
                if text[pos] != ",":
                    raise ParseError(f"expected ',' or '}}' at {pos}")
                pos += 1
        if c == "[":
            pos += 1
            arr = []
            ws()
            if text[pos] == "]":
                pos += 1
                return arr
            while True:
                arr.append(value())
                ws()
                if text[pos] == "]":
                    pos += 1
                    return arr
                if text[pos] != ",":
                    raise ParseError(f"expected ',' or ']' at {pos}")
                pos += 1
        if c == '"':
            pos += 1
            out = []
            while text[pos] != '"':
                if text[pos] == "\\":
                    esc = text[pos + 1]
                    if esc == "u":
                        out.append(chr(int(text[pos + 2:pos + 6], 16)))
                        pos += 6
                        continue
                    out.append({"n": "\n", "t": "\t"}.get(esc, esc))
                    pos += 2
                else:
                    out.append(text[pos])
                    pos += 1
            pos += 1
            return "".join(out)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        num = text[start:pos]
        if not num:
            raise ParseError(f"unexpected {c!r} at {pos}")
        return float(num) if any(ch in num for ch in ".eE") else int(num)

    result = value()
    ws()
    if pos != len(text):
        raise ParseError(f"extra data at {pos}")
    return result


doc = {
    "name": "Widget \"Pro\"",
    "tags": ["a", "b\tc", "ünï"],
    "price": 12.5,
    "stock": 0,
    "big": 2 ** 70,
    "ratio": 1e-7,
    "active": True,
    "parent": None,
    "dims": {"w": 3, "h": 4.0, "d": []},
    "pairs": [(1, 2), [3, [4, {}]]],
}
s = dumps(doc)
print(s)
print(dumps(doc, indent=2))
back = loads(s)
print(back == {**doc, "pairs": [[1, 2], [3, [4, {}]]]}, back["tags"], back["big"], type(back["dims"]["h"]).__name__)
for bad in ['{"a" 1}', "[1, 2", "[1 2]", "tru", '{"a": 1} x', ""]:
    try:
        print(loads(bad))
    except ParseError as e:
        print(f"{bad!r}: ParseError: {e}")
    except IndexError as e:
        print(f"{bad!r}: IndexError: {e}")
for bad in [{1: 2}, {"x": {1, 2}}, [float("nan")], object]:
    try:
        dumps(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(loads("[-1.5e3, 0, 12, \"\\u00e9\", [[]], {\"k\": [true, false, null]}]"))
