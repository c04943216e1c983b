# The standard library's re (over the native _sre), json, textwrap and string.
import json
import re
import string
import textwrap

print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@example and ann@site"))
print(re.findall(r"\d+", "a1 b22 c333"), re.split(r"[,;]\s*", "a, b;c"))
m = re.match(r"(?P<key>\w+)\s*=\s*(?P<value>.*)", "name = Pith VM")
print(m.group("key"), "|", m["value"], "|", m.span(2), m.groupdict())
print(re.compile(r"^\s*#", re.M).findall("# a\nb\n  # c"))
print(bool(re.fullmatch(r"[a-f0-9]{8}", "deadbeef")), re.escape("a.b*c"))
data = {"a": [1, 2.5, None, True], "b": "x\u00e9", "c": {"d": []}}
text = json.dumps(data, indent=2, sort_keys=True)
print(text)
print(json.loads(text) == data, json.dumps(data, ensure_ascii=False))
print(json.loads('{"k": [1, 2, {"z": null}], "s": "\\u00e9\\n"}'))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(textwrap.dedent("    a\n      b\n    c"))
print(string.Template("$who likes $what").substitute(who="tim", what="pie"))
print(string.capwords("hello   wide world"), string.ascii_letters[:5])
import gettext  # reads sys.base_prefix
import sys
print(sys.prefix == sys.base_prefix == sys.exec_prefix, gettext.gettext("unchanged"))
