# Special methods of builtin types called with the wrong number of arguments
# or with keywords: slot wrappers count with check_num_args or
# PyArg_UnpackTuple, the explicit methods (dict.__contains__, ...) name their
# class.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except TypeError as e:
        print(label, "TypeError:", e)


class D(dict):
    pass


class L(list):
    pass


attempt("dict contains 2", lambda: {}.__contains__(0, 1))
attempt("dict contains 0", lambda: {}.__contains__())
attempt("dict contains kw", lambda: {}.__contains__(x=1))
attempt("dict contains star", lambda: {}.__contains__(*(1, 2)))
attempt("dict contains ok", lambda: {1: 2}.__contains__(1))
attempt("set contains 2", lambda: set().__contains__(0, 1))
attempt("frozenset contains kw", lambda: frozenset().__contains__(x=1))
attempt("list contains 2", lambda: [].__contains__(0, 1))
attempt("str contains 2", lambda: "".__contains__("a", 1))
attempt("tuple contains 0", lambda: ().__contains__())
attempt("keys contains 2", lambda: {}.keys().__contains__(1, 2))
attempt("dict getitem 2", lambda: {}.__getitem__(0, 1))
attempt("list getitem 2", lambda: [].__getitem__(0, 1))
attempt("list getitem kw", lambda: [].__getitem__(x=1))
attempt("tuple getitem 2", lambda: (1,).__getitem__(0, 1))
attempt("subclass contains 2", lambda: dict.__contains__(D(), 1, 2))
attempt("subclass getitem 2", lambda: list.__getitem__(L(), 1, 2))
attempt("dict setitem 3", lambda: {}.__setitem__(1, 2, 3))
attempt("list setitem 1", lambda: [].__setitem__(1))
attempt("list setitem kw", lambda: [].__setitem__(1, x=2))
attempt("dict delitem 2", lambda: {}.__delitem__(1, 2))
attempt("list len 1", lambda: [].__len__(0))
attempt("list len kw", lambda: [].__len__(x=1))
attempt("dict eq 2", lambda: {}.__eq__(1, 2))
attempt("str lt 2", lambda: "a".__lt__("b", "c"))
attempt("int add 2", lambda: (1).__add__(1, 2))
attempt("int add kw", lambda: (1).__add__(x=1))
attempt("int pow 3", lambda: (1).__pow__(1, 2, 3))
attempt("int pow 0", lambda: (1).__pow__())
attempt("int pow mod", lambda: (3).__pow__(2, 5))
attempt("int neg 1", lambda: (1).__neg__(1))
attempt("int repr kw", lambda: (1).__repr__(x=1))
attempt("int format 2", lambda: (1).__format__("", 2))
attempt("float format 0", lambda: (1.5).__format__())
attempt("int format kw", lambda: (1).__format__(x=1))
attempt("dict reversed 1", lambda: {}.__reversed__(1))
attempt("list reversed kw", lambda: [].__reversed__(x=1))
attempt("list reversed 1", lambda: L().__reversed__(1))
attempt("list init kw", lambda: [].__init__(x=1))
attempt("str mul kw", lambda: "a".__mul__(n=2))
