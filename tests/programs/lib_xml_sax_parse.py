# xml.sax through its expat reader (which calls SetParamEntityParsing before
# every parse), pulldom on top of it, and the pyexpat method itself.
import xml.sax
import xml.sax.handler
from xml.dom import pulldom
from xml.parsers import expat


class Collect(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.events = []

    def startElement(self, name, attrs):
        self.events.append(("start", name, dict(attrs)))

    def endElement(self, name):
        self.events.append(("end", name))

    def characters(self, content):
        if content.strip():
            self.events.append(("text", content))


doc = b'<?xml version="1.0"?><root a="1"><item>one</item><item b="2">two</item></root>'
h = Collect()
xml.sax.parseString(doc, h)
for e in h.events:
    print(e)

# Incremental feeding, twice with the same reader (reset each time).
parser = xml.sax.make_parser()
h2 = Collect()
parser.setContentHandler(h2)
for piece in (b"<a>x", b"y<b/>", b"</a>"):
    parser.feed(piece)
parser.close()
print(h2.events)

try:
    xml.sax.parseString(b"<a><b></a>", Collect())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e.getLineNumber(), e.getColumnNumber(), e.getMessage())

# pulldom
events = pulldom.parseString("<doc><p>hi</p><p>there</p></doc>")
for ev, node in events:
    if ev == pulldom.START_ELEMENT and node.tagName == "p":
        events.expandNode(node)
        print(node.toxml())

# The method: 1 before parsing starts and once it has finished, 0 while
# parsing; one int argument.
p = expat.ParserCreate()
print(p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE))
print(p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS))
p.Parse("<x>", False)
print(p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER))
p.Parse("</x>", True)
print(p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER))
for bad in [(), ("1",), (1, 2)]:
    try:
        expat.ParserCreate().SetParamEntityParsing(*bad)
    except TypeError as e:
        print("TypeError", e)

# The internal subset's comments, processing instructions, notations and
# unparsed entities reach their handlers.
p = expat.ParserCreate()
for name in ["CommentHandler", "NotationDeclHandler", "UnparsedEntityDeclHandler",
             "ProcessingInstructionHandler", "StartDoctypeDeclHandler"]:
    setattr(p, name, (lambda name: lambda *a: print(name, a))(name))
p.Parse("""<?xml version="1.0"?>
<!DOCTYPE doc [
<!-- in the subset -->
<?app do this?>
<!ENTITY img SYSTEM "expat.gif" NDATA GIF>
<!NOTATION GIF PUBLIC "-//CompuServe//EN">
<!NOTATION PNG SYSTEM "png">
]>
<doc><!-- in content --></doc>""", True)
# Without UnparsedEntityDeclHandler, EntityDeclHandler has the NDATA entity.
p = expat.ParserCreate()
p.EntityDeclHandler = lambda *a: print("EntityDeclHandler", a)
p.Parse('<!DOCTYPE d [<!ENTITY img SYSTEM "i.gif" NDATA GIF>]><d/>', True)

# namespace_prefixes: prefixed names carry their prefix as a third part.
p = expat.ParserCreate(namespace_separator=" ")
p.namespace_prefixes = True
p.StartElementHandler = lambda n, a: print("start", repr(n), a)
p.EndElementHandler = lambda n: print("end", repr(n))
p.Parse("<doc xmlns:ns='http://x' xmlns='http://d' ns:attr='v' b='1'><ns:e/></doc>", True)


class NS(xml.sax.handler.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        print(name, attrs.getQNames(), attrs.getNames(), dict(attrs))


r = xml.sax.make_parser()
r.setFeature(xml.sax.handler.feature_namespaces, True)
r.setContentHandler(NS())
r.feed("<doc xmlns:ns='http://x' ns:attr='val'><ns:e a='1'/></doc>")
r.close()


# External parsed entities: ExternalEntityRefHandler with the name, base,
# system and public identifiers; a false result stops the parse.
def external(result):
    def handler(*args):
        print("external", args)
        return result
    return handler


for handler in [external(1), external(0), None]:
    p = expat.ParserCreate()
    if handler:
        p.ExternalEntityRefHandler = handler
    p.CharacterDataHandler = lambda d: print("chars", repr(d))
    p.SetBase("base/")
    try:
        p.Parse('<!DOCTYPE doc [<!ENTITY t SYSTEM "t.xml">'
                '<!ENTITY u PUBLIC "-//U//EN" "u.xml">]>\n<doc>a&t;b&u;</doc>', True)
    except expat.ExpatError as e:
        print("ExpatError", e, e.code)

# xml.sax skips external entities by default (feature_external_ges off).
h3 = Collect()
xml.sax.parseString(b'<!DOCTYPE doc [<!ENTITY t SYSTEM "t.xml">]><doc>x&t;y</doc>', h3)
print(h3.events)
