# The pyexpat API itself: handlers, buffered and unbuffered character data,
# namespace processing with ordered attributes, positions, errors.
import pyexpat

print(pyexpat.version_info, pyexpat.EXPAT_VERSION, pyexpat.native_encoding)
print(pyexpat.errors.codes.get("mismatched tag"), pyexpat.ErrorString(7), pyexpat.ErrorString(99))
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: print("start", n, a, p.CurrentLineNumber, p.CurrentColumnNumber)
p.EndElementHandler = lambda n: print("end", n)
p.CharacterDataHandler = lambda d: print("data", repr(d))
p.CommentHandler = lambda d: print("comment", repr(d))
p.ProcessingInstructionHandler = lambda t, d: print("pi", t, repr(d))
p.DefaultHandlerExpand = lambda d: print("default", repr(d))
p.Parse(
    '<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "x.dtd">\n<r a="1" b="x&amp;\ty">te\nxt'
    "<!--c--><?pi  some data?><![CDATA[<cd>]]>&lt;<e/></r>\n",
    True,
)
p = pyexpat.ParserCreate(None, "}")
p.StartElementHandler = lambda n, a: print("start", n, a)
p.EndElementHandler = lambda n: print("end", n)
p.StartNamespaceDeclHandler = lambda pr, u: print("ns", pr, u)
p.EndNamespaceDeclHandler = lambda pr: print("endns", pr)
p.ordered_attributes = 1
p.Parse('<r xmlns="u1" xmlns:x="u2" x:a="1" b="2"><x:c/><d xmlns=""/></r>', True)
try:
    p.Parse("<a/>", True)
except pyexpat.ExpatError as e:
    print(e, e.code, e.lineno, e.offset)
p = pyexpat.ParserCreate()
p.buffer_text = True
p.CharacterDataHandler = lambda d: print("data", repr(d))
p.Parse("<a>x", False)
print("--")
p.Parse(b"y\xc3", False)
p.Parse(b"\xa9</a>", True)
print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.buffer_text, p.ordered_attributes)
e = pyexpat.ExpatError("m")
print(repr(e), pyexpat.error is pyexpat.ExpatError, pyexpat.ExpatError.__module__)
print(pyexpat.errors.XML_ERROR_SYNTAX, pyexpat.errors.messages[2], pyexpat.model.XML_CTYPE_ANY)
print(pyexpat.features[:2], pyexpat.XMLParserType.__name__)
p = pyexpat.ParserCreate(namespace_separator=" ")
p.StartElementHandler = lambda n, a: print("start", repr(n), a)
try:
    p.Parse("<x:a/>", True)
except pyexpat.ExpatError as e:
    print("ExpatError", e)
try:
    pyexpat.ParserCreate(namespace_separator="ab")
except ValueError as e:
    print("ValueError", e)
p = pyexpat.ParserCreate("latin-1")
p.StartElementHandler = lambda n, a: print("start", n, a)
p.Parse(b'<a v="\xe9"/>', True)
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: print("start", n, a)
p.Parse(b'<?xml version="1.0" encoding="iso-8859-1"?><b v="\xe9"/>', True)
