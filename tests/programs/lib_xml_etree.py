# xml.etree.ElementTree and minidom over the native pyexpat: parsing,
# namespaces, incremental feeding, serialisation, and Expat's error
# messages and positions for malformed documents.
import io
import xml.etree.ElementTree as ET
import pyexpat
print(sorted(n for n in dir(pyexpat.errors) if not n.startswith('__'))[:80])
print(pyexpat.errors.codes.get('mismatched tag'), pyexpat.ErrorString(7))
bads = ['<a><b></a>', '<a>', '', '<a></a><b/>', '<a x="1" x="2"/>', '<a>&foo;</a>', '<a b=1/>', '<a', '<1a/>', 'text', '<a>\n  <b>\n</c></a>',
 '<?xml version="1.0"?>\n<a><!-- c --><b/>', '<x:a/>', '<a>&#0;</a>', '<a>&#xZZ;</a>', '<a><![CDATA[x]]></a', '<a>]]></a>', '<a b="<"/>', '  <a/>  junk', '<a/>\n<!-- ok -->\n', '<?xml version="1.0" encoding="latin-1"?><a>\xe9</a>',
 '<a>\x01</a>', '<a b="x"c="y"/>', '<!DOCTYPE a><a/>', '<a>&amp;&lt;&gt;&apos;&quot;&#65;&#x42;</a>', '<a></a >', '<a\n  b="1"\n  c="2" >x</a>']
for b in bads:
    try:
        e = ET.fromstring(b)
        print(repr(b), 'OK', e.tag, e.attrib, repr(e.text), ET.tostring(e))
    except ET.ParseError as ex:
        print(repr(b), 'ParseError', ex, ex.code, ex.position)
doc = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- library -->
<library xmlns="http://example.com/lib" xmlns:b="http://example.com/book">
  <b:book id="1" lang="en">
    <b:title>Python &amp; XML</b:title>
    <b:price currency="USD">29.99</b:price>
  </b:book>
  <b:book id="2">
    <b:title>Rust</b:title>
    <b:price>39.50</b:price>
  </b:book>
  <shelf/>
</library>'''
root = ET.fromstring(doc)
print(root.tag, len(root), [c.tag for c in root])
ns = {'b': 'http://example.com/book', 'l': 'http://example.com/lib'}
for book in root.findall('b:book', ns):
    print(book.get('id'), book.find('b:title', ns).text, float(book.find('b:price', ns).text), book.attrib)
print(root.find('l:shelf', ns) is not None, [e.tag.split('}')[1] for e in root.iter()])
print(ET.tostring(root.find('b:book', ns), encoding='unicode'))
xml = '<data><item name="a" v="1">x<sub>y</sub>tail</item><item name="b"/><!-- c --><?pi d?></data>'
r = ET.fromstring(xml)
print(r[0].text, r[0][0].text, r[0][0].tail, list(r[0].itertext()), ''.join(r.itertext()))
r[1].set('v', '2'); r[1].text = 'new'; ET.SubElement(r, 'item', name='c').text = 'é<&>'
print(ET.tostring(r), ET.tostring(r, encoding='unicode'))
print(ET.tostring(r, encoding='utf-8', xml_declaration=True))
tree = ET.ElementTree(r); buf = io.BytesIO(); tree.write(buf, encoding='utf-8', xml_declaration=True); print(buf.getvalue())
ET.indent(r); print(ET.tostring(r, encoding='unicode'))
events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(xml.encode()), events=('start', 'end'))]
print(events)
def events_of(parser):
    out = []
    for ev, el in parser.read_events():
        tag = el if isinstance(el, tuple) else el.tag
        out.append((ev, getattr(tag, '__name__', tag)))
    return out
p = ET.XMLPullParser(events=('start', 'end', 'start-ns', 'comment'))
p.feed('<a xmlns:x="u"><x:b>t'); print(events_of(p))
p.feed('</x:b><!--z--></a>'); p.close(); print(events_of(p))
print(len(r.findall('.//sub')), r.findtext('item/sub'), r.find('item[@name="b"]').get('v'), [i.get('name') for i in r.iterfind('item')])
e = ET.XML('<r><a x="1"/><a x="2"/></r>'); print([a.attrib for a in e.findall("a[@x='2']")], sorted(e.find('a').items()))
tb = ET.TreeBuilder(insert_comments=True); tb.start('a', {}); tb.comment('hi'); tb.end('a'); print(ET.tostring(tb.close()))
parser = ET.XMLParser(target=ET.TreeBuilder(insert_pis=True)); parser.feed('<a><?p q?></a>'); print(ET.tostring(parser.close()))
try:
    ET.fromstring('<a>\n<b>\n</a>')
except ET.ParseError as err:
    print(err, err.code, err.position)
f = io.StringIO('<top><x>1</x><x>2</x></top>'); t = ET.parse(f); print(t.getroot().tag, [x.text for x in t.iter('x')])
from xml.dom import minidom
d = minidom.parseString('<a><b c="1">t</b></a>'); print(d.documentElement.tagName, d.getElementsByTagName('b')[0].getAttribute('c'), d.toxml())
print(minidom.parseString('<r><i>1</i></r>').toprettyxml(indent='  '))
import xml.parsers.expat as expat
print(expat.ErrorString(expat.errors.codes[expat.errors.XML_ERROR_SYNTAX]), expat.ExpatError.__module__, expat.XMLParserType.__name__)
