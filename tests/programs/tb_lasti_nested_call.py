# tb_lasti of a frame whose call raised: the offset of that call's last
# inline cache, even when the call is the argument of another call (whose
# PRECALL follows it), so traceback.print_exc puts the carets under the
# inner call.
import traceback


class Box:
    def take(self):
        return self.inner.value


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
