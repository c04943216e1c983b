# open(errors=...): replace, ignore, backslashreplace when decoding and encoding.
fn = "/tmp/pith_imp_io_errors.txt"
with open(fn, "wb") as f:
    f.write(b"ok \xff\xfe bad \xc3\xa9 end\n\xe2\x82 cut\n")
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape" if False else "replace"]:
    with open(fn, errors=errors) as f:
        print(errors, ascii(f.read()), f.errors)
try:
    open(fn).read()
except UnicodeDecodeError as e:
    print(type(e).__name__)
for errors in ["replace", "ignore", "backslashreplace"]:
    with open(fn, "w", encoding="ascii", errors=errors) as f:
        f.write("café ☃ \U0001f600!\n")
    print(open(fn, "rb").read())
with open(fn, "w", encoding="latin-1", errors="replace") as f:
    f.write("é☃")
print(open(fn, "rb").read())
try:
    with open(fn, "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print(type(e).__name__)
with open(fn, encoding="ascii", errors="replace") as f:
    print(ascii(f.read()))
