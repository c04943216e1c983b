# tb_lasti of a frame whose call raised: the offset of that call's last
# inline cache, even when the call is the argument of another call (whose
# PRECALL follows it), so traceback.print_exc puts the carets under the
# inner call. An instruction that runs a Python dunder or property (not a
# CALL) names its own offset.
import traceback


class Box:
    def take(self):
        return self.inner.value

    def __getitem__(self, key):
        return self.take()

    def __add__(self, other):
        return self.take()

    def __eq__(self, other):
        return self.take()

    @property
    def prop(self):
        return self.take()


def ident(x):
    return x


box = Box()
box.inner = None


def offsets(exc):
    tb = exc.__traceback__
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti))
        tb = tb.tb_next
    return out


def run(label, fn):
    try:
        fn()
    except AttributeError as e:
        print(label, offsets(e))
        traceback.print_exc(file=__import__("sys").stdout)


run("argument", lambda: ident(box.take()))
run("builtin", lambda: int(box.take()))
run("listcomp", lambda: [str(box.take()) for _ in range(3)])
run("keyword", lambda: ident(x=box.take()))
run("nested", lambda: ident(ident(box.take())))
run("plain", lambda: box.take())
run("subscript", lambda: ident(box[1]))
run("binop", lambda: box + 1)
run("compare", lambda: ident(box == 2))
run("property", lambda: ident(box.prop))
