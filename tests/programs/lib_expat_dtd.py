# pyexpat and the internal DTD subset: entity and DOCTYPE handlers,
# undefined entities after an external subset, attribute-list defaults and
# normalisation, CDATA handlers, UTF-16 and codec-table encodings.
import pyexpat
import xml.etree.ElementTree as ET
from xml.dom import minidom


def trace(data, **extra):
    p = pyexpat.ParserCreate()
    for name in ('StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
                 'StartElementHandler', 'CharacterDataHandler', 'SkippedEntityHandler',
                 'StartCdataSectionHandler', 'EndCdataSectionHandler'):
        if name in extra:
            setattr(p, name, extra[name])
        else:
            setattr(p, name, lambda *a, n=name: print(n, a))
    try:
        p.Parse(data, True)
    except pyexpat.ExpatError as e:
        print('ExpatError', e)


trace('<!DOCTYPE doc SYSTEM "doc.dtd" [<!ENTITY e "v&#x41;l"><!ENTITY % p "x">'
      '<!ENTITY ext SYSTEM "ext.xml"><!ENTITY pic SYSTEM "p.gif" NDATA gif>]>'
      '<doc a="&e;">&e;&undefined;<![CDATA[<raw>]]></doc>')
trace('<!DOCTYPE doc [<!ATTLIST doc t NMTOKENS #IMPLIED d CDATA "dv" f CDATA #FIXED "fx">]>'
      '<doc t="  a   b  " d="given"/>')
trace('<?xml version="1.0" standalone="yes"?><!DOCTYPE doc SYSTEM "x.dtd"><doc>&u;</doc>')
trace('<doc>&u;</doc>')

# ElementTree: its default handler reports what Expat let pass.
for text in ('<!DOCTYPE doc SYSTEM "doc.dtd"><doc>&ldots;&ndots;</doc>',
             '<!DOCTYPE d [\n<!ENTITY % u SYSTEM "u.xml">\n%u;\n]>\n<d>&entity;</d>'):
    try:
        ET.XML(text)
    except ET.ParseError as e:
        print('ParseError', e)
parser = ET.XMLParser()
parser.entity['entity'] = 'text'
parser.feed('<!DOCTYPE d SYSTEM "x.dtd" []><d>&entity;</d>')
print(ET.tostring(parser.close()))
e = ET.XML("<!DOCTYPE doc [<!ENTITY ldots '&#x8230;'>]><doc>&ldots;</doc>")
print(ET.tostring(e, encoding='us-ascii'))
root = ET.fromstring('<!DOCTYPE Foo [<!ATTLIST bar xml:lang CDATA "eng">]><foo><bar/></foo>')
print(root[0].attrib)

# minidom builds the DOCTYPE node and its entities from the handlers.
doc = minidom.parseString('<!DOCTYPE d PUBLIC "-//x//EN" "x.dtd" [ <!ENTITY smile "\u263a"> ]>'
                          '<d>hi &smile;</d>')
print(doc.doctype.name, doc.doctype.publicId, doc.doctype.systemId,
      [(n.nodeName, n.firstChild.data) for n in doc.doctype.entities._seq])
print(doc.documentElement.firstChild.wholeText)
doc = minidom.parseString('<r><n><![CDATA[</data>]]></n></r>')
print(doc.toprettyxml())

# Encodings: UTF-16 by its mark or its `<?`, single-byte codecs by table.
for enc in ('utf-16', 'iso-8859-15', 'cp437', 'mac-roman', 'koi8-r'):
    body = {'iso-8859-15': '\u20ac', 'cp437': '\u221a', 'mac-roman': '\u02da',
            'koi8-r': '\u0436'}.get(enc, '\u00e9')
    xml = "<?xml version='1.0' encoding='%s'?><x>%s</x>" % (enc, body)
    print(enc, ET.XML(xml.encode(enc)).text == body)
for enc, exc in (('shift-jis', ValueError), ('cp037', ET.ParseError), ('xxx', LookupError)):
    xml = ("<?xml version='1.0' encoding='%s'?><x />" % enc).encode('ascii' if enc == 'xxx' else enc)
    try:
        ET.XML(xml)
    except exc as e:
        print(enc, type(e).__name__)
