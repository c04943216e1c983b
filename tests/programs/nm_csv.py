import _csv


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


print(_csv.__version__, _csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE)
print(list(_csv.reader(["a,b", '"c,d",e', "", "f"])))
s = Sink()
w = _csv.writer(s)
print(w.writerow(["x", "y,z", 1.5, None]), w.dialect.lineterminator == "\r\n")
w.writerows([[1], [""]])
print(s.parts)
d = _csv.Dialect(delimiter=";", quotechar=None)
print(d.delimiter, d.quotechar, d.quoting, d.doublequote, d.strict, d.escapechar)
_csv.register_dialect("semi", d)
print(_csv.list_dialects(), list(_csv.reader(["1;2"], "semi")), _csv.get_dialect("semi").quoting)
_csv.unregister_dialect("semi")
print(_csv._dialects, _csv.field_size_limit())
try:
    _csv.get_dialect("semi")
except _csv.Error as e:
    print(type(e).__name__, e, _csv.Error.__mro__)
