import struct

# A struct format given as str is encoded to ASCII first; the error names the
# first run of characters that cannot be encoded.
for fmt in ["\udc00", "<i\xe9\xe8h", "\u20ac", "ii\U0001f600"]:
    try:
        struct.Struct(fmt)
    except UnicodeEncodeError as e:
        print(e.encoding, e.start, e.end, e.reason, ascii(e.object), "|", e)
print(struct.Struct("<ih").size, struct.calcsize(b">q"))
