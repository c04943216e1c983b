import csv
import io

rows = [["a", "b,c", 'say "hi"', "line\nbreak", "", None, 3, 2.5], ["x"], [""], []]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting)
    for r in rows:
        w.writerow(r)
    print(repr(buf.getvalue()))
buf = io.StringIO()
w = csv.writer(buf, delimiter=";", quotechar="'", escapechar="\\", doublequote=False, lineterminator="\n")
w.writerows([["it's", "a;b", "plain"], [1, 2]])
print(repr(buf.getvalue()))
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_NONE, escapechar="\\")
w.writerow(["a,b", 'q"', "z"])
print(repr(buf.getvalue()))
text = 'a,b,c\r\n"quoted, field","with ""quotes""",plain\r\n"multi\nline",x, y\r\n\r\nlast,,\r\n'
print(list(csv.reader(io.StringIO(text, newline=""))))
print(list(csv.reader(["a; b;  c"], delimiter=";", skipinitialspace=True)))
print(list(csv.reader(['1,"2",3.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a\\,b,c"], escapechar="\\")))
print(list(csv.reader(['"abc"def,g'])))
r = csv.reader(["x,y", "1,2"])
print(next(r), r.line_num, r.dialect.delimiter, list(r), r.line_num)
data = "name,age\nann,30\nbob,25\n"
for row in csv.DictReader(io.StringIO(data)):
    print(row)
buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=["k", "v"])
dw.writeheader()
dw.writerow({"k": 1, "v": "two"})
print(repr(buf.getvalue()))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter)
buf = io.StringIO()
csv.writer(buf, "pipes").writerow([1, "a"])
print(repr(buf.getvalue()))
csv.unregister_dialect("pipes")
d = csv.excel()
print(d.delimiter, repr(d.lineterminator), csv.get_dialect("excel").quoting, csv.excel_tab.delimiter)
sniffed = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(sniffed.delimiter, csv.Sniffer().has_header("name,age\nann,30\n"))
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit(131072))
calls = [
    lambda: list(csv.reader(['"abc'], strict=True)),
    lambda: list(csv.reader(['a"b,"c"d'], strict=True)),
    lambda: list(csv.reader(["a\0b"])),
    lambda: list(csv.reader([b"ab"])),
    lambda: list(csv.reader(["a\rb"])),
    lambda: csv.writer(io.StringIO()).writerow(5),
    lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]),
    lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([""]),
    lambda: csv.get_dialect("nope"),
    lambda: csv.unregister_dialect("nope"),
    lambda: csv.reader([], "nope"),
    lambda: csv.writer(5),
    lambda: csv.reader(5),
    lambda: csv.reader([], delimiter="ab"),
    lambda: csv.reader([], delimiter=None),
    lambda: csv.reader([], quoting=9),
    lambda: csv.reader([], quoting="x"),
    lambda: csv.reader([], lineterminator=5),
    lambda: csv.reader([], bogus=1),
    lambda: list(csv.reader(['"abc'])),
]
for c in calls:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
