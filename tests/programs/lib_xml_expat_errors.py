# Expat's error code and position for short malformed documents: text and
# markup before and after the root element, unfinished tokens, references.
import pyexpat

DOCS = [
    ">", "=", '"', "&", ";", "#", "x", "1", "-", ":", "/", "?", "!", "é", "ab",
    " x", "<a>x</a>y", "<a/>>", "<a/>x", "<a/>1", "<a/>&", "<a/>=", "x<a/>", "<",
    "<a", "<a>", "</a>", "<!", "<!-", "<?", "<a/><", "<a/></", "<a/><b", "&amp;",
    "<a>&", "<a>&a", "<a>&#", "<a b", "<a b=", '<a b="', "<a>></a>", "-->",
    "<a>\n  <b>\n</c></a>", "<a>&#0;</a>", "<a>]]></a>", "<?xml version='1.0'?>\n<?xml?>",
    "<a><?xml x?></a>", "<!DOCTYPE a [<!ENTITY e 'v'>]><a>&e;&f;</a>",
]
for doc in DOCS:
    p = pyexpat.ParserCreate()
    try:
        p.Parse(doc, True)
        print(repr(doc), "ok")
    except pyexpat.ExpatError as e:
        print(repr(doc), e.code, e.lineno, e.offset, e)
