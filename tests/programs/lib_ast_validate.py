# compile() on hand-built trees: CPython's AST validator (Python/ast.c),
# its messages and exception classes.
import ast


def check(label, tree, mode="exec"):
    ast.fix_missing_locations(tree)
    try:
        compile(tree, "<tree>", mode)
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


def mod(*body):
    return ast.Module(list(body), [])


def name(id, ctx=None):
    return ast.Name(id, ctx or ast.Load())


def expr(label, e):
    check(label, mod(ast.Expr(e)))


def args(**kw):
    fields = dict(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                  kw_defaults=[], kwarg=None, defaults=[])
    fields.update(kw)
    return ast.arguments(**fields)


def case(pattern, body=None):
    return mod(ast.Match(name("x"), [ast.match_case(pattern, None, body or [ast.Pass()])]))


S, L, D = ast.Store(), ast.Load(), ast.Del()
one = ast.Constant(1)

# Contexts.
check("module-store", ast.Interactive([ast.Expr(name("x", S))]), "single")
check("expression-store", ast.Expression(name("x", S)), "eval")
check("assign-load", mod(ast.Assign([name("x")], one)))
check("assign-value-store", mod(ast.Assign([name("x", S)], name("y", S))))
check("delete-load", mod(ast.Delete([name("x")])))
check("delete-const", mod(ast.Delete([one])))
check("assign-binop", mod(ast.Assign([ast.BinOp(name("x"), ast.Add(), name("y"))], one)))
check("augassign", mod(ast.AugAssign(name("x"), ast.Add(), one)))
check("for-target", mod(ast.For(name("x"), name("y"), [ast.Pass()], [])))
check("for-orelse", mod(ast.For(name("x", S), name("y"), [ast.Pass()], [ast.Expr(name("z", S))])))
check("with-vars", mod(ast.With([ast.withitem(name("a"), name("b"))], [ast.Pass()])))
expr("starred-inner", ast.Starred(name("x", S), L))
expr("starred-ctx", ast.Starred(name("x"), S))
expr("tuple-elt", ast.Tuple([name("x", S)], L))
expr("list-ctx", ast.List([], S))
expr("subscript-slice", ast.Subscript(name("x"), ast.Slice(name("a", S)), L))
expr("attribute", ast.Attribute(name("x", S), "y", L))
expr("comprehension-target", ast.ListComp(name("x"), [ast.comprehension(name("x"), name("y"), [], 0)]))
expr("comprehension-ifs", ast.SetComp(name("x"), [ast.comprehension(name("x", S), name("y"), [name("z", S)], 0)]))
expr("dictcomp-value", ast.DictComp(name("k"), name("v", S), [ast.comprehension(name("x", S), name("y"), [], 0)]))
expr("formatted", ast.FormattedValue(name("x", S), -1, None))
expr("yield", ast.Yield(name("x", S)))
expr("yieldfrom", ast.YieldFrom(name("x", S)))
expr("await", ast.Await(name("x", S)))
expr("ifexp", ast.IfExp(one, one, name("x", S)))
expr("call-keyword", ast.Call(name("f"), [], [ast.keyword("a", name("x", S))]))
expr("namedexpr-target", ast.NamedExpr(ast.Attribute(name("a"), "b", S), one))
expr("namedexpr-value", ast.NamedExpr(name("a", S), name("b", S)))

# Identifiers that would read as constants.
for const in "None", "True", "False":
    check("name-" + const, ast.Expression(name(const)), "eval")
check("funcdef-None", mod(ast.FunctionDef("None", args(), [ast.Pass()], [], None)))
check("global-None", mod(ast.Global(["None"])))

# Empty lists and counts.
check("empty-if", mod(ast.If(one, [], [])))
check("empty-while", mod(ast.While(one, [], [])))
check("empty-for", mod(ast.For(name("x", S), name("y"), [], [])))
check("empty-asyncfor", mod(ast.AsyncFunctionDef("f", args(), [ast.AsyncFor(name("x", S), name("y"), [], [])], [], None)))
check("empty-funcdef", mod(ast.FunctionDef("f", args(), [], [], None)))
check("empty-asyncdef", mod(ast.AsyncFunctionDef("f", args(), [], [], None)))
check("empty-classdef", mod(ast.ClassDef("C", [], [], [], [])))
check("empty-with", mod(ast.With([], [ast.Pass()])))
check("empty-with-body", mod(ast.With([ast.withitem(name("a"), None)], [])))
check("empty-asyncwith", mod(ast.AsyncFunctionDef("f", args(), [ast.AsyncWith([], [ast.Pass()])], [], None)))
check("empty-delete", mod(ast.Delete([])))
check("empty-assign", mod(ast.Assign([], one)))
check("empty-import", mod(ast.Import([])))
check("empty-importfrom", mod(ast.ImportFrom("m", [], 0)))
check("negative-level", mod(ast.ImportFrom("m", [ast.alias("x")], -1)))
check("empty-global", mod(ast.Global([])))
check("empty-nonlocal", mod(ast.Nonlocal([])))
check("empty-match", mod(ast.Match(name("x"), [])))
check("empty-case", case(ast.MatchAs(), []))
check("try-nothing", mod(ast.Try([ast.Pass()], [], [], [])))
check("try-orelse", mod(ast.Try([ast.Pass()], [], [ast.Pass()], [ast.Pass()])))
check("try-empty", mod(ast.Try([], [], [], [ast.Pass()])))
check("try-handler", mod(ast.Try([ast.Pass()], [ast.ExceptHandler(None, None, [])], [], [])))
check("trystar-nothing", mod(ast.TryStar([ast.Pass()], [], [], [])))
check("trystar-orelse", mod(ast.TryStar([ast.Pass()], [], [ast.Pass()], [ast.Pass()])))
check("trystar-empty", mod(ast.TryStar([], [], [], [ast.Pass()])))
check("raise-cause", mod(ast.Raise(None, name("x"))))
check("assert-msg", mod(ast.Assert(one, name("x", S))))
expr("boolop", ast.BoolOp(ast.And(), [one]))
expr("compare-empty", ast.Compare(one, [], []))
expr("compare-count", ast.Compare(one, [ast.Lt()], [one, one]))
expr("dict-count", ast.Dict([one], []))
expr("dict-none-key", ast.Dict([None], [name("x")]))
expr("dict-none-value", ast.Dict([name("x")], [None]))
expr("listcomp-empty", ast.ListComp(name("x"), []))
expr("genexp-empty", ast.GeneratorExp(name("x"), []))
expr("dictcomp-empty", ast.DictComp(name("x"), name("y"), []))
expr("setcomp-empty", ast.SetComp(name("x"), []))
check("none-stmt", mod(ast.Expr(one), None))
check("none-in-body", mod(ast.ClassDef("C", [], [], [None], [])))
expr("none-elt", ast.Tuple([None], L))
expr("none-joined", ast.JoinedStr([None]))
check("annassign-simple", mod(ast.AnnAssign(ast.Attribute(name("a"), "b", S), name("int"), None, 1)))
check("annassign-ann", mod(ast.AnnAssign(name("a", S), name("int", S), None, 1)))

# Arguments.
for label, fac in [
    ("lambda", lambda a: mod(ast.Expr(ast.Lambda(a, one)))),
    ("def", lambda a: mod(ast.FunctionDef("f", a, [ast.Pass()], [], None))),
]:
    check(label + "-defaults", fac(args(defaults=[one])))
    check(label + "-posonly-defaults", fac(args(posonlyargs=[ast.arg("a")], defaults=[one])))
    check(label + "-kw-defaults", fac(args(kw_defaults=[one])))
    check(label + "-annotation", fac(args(args=[ast.arg("x", name("x", S))])))
    check(label + "-vararg", fac(args(vararg=ast.arg("x", name("x", S)))))
    check(label + "-kwarg", fac(args(kwarg=ast.arg("x", name("x", S)))))
    check(label + "-default-ctx", fac(args(args=[ast.arg("x")], defaults=[name("d", S)])))
    check(label + "-kwdefault-none", fac(args(kwonlyargs=[ast.arg("x")], kw_defaults=[None])))
check("def-decorator", mod(ast.FunctionDef("f", args(), [ast.Pass()], [name("d", S)], None)))
check("def-returns", mod(ast.FunctionDef("f", args(), [ast.Pass()], [], name("r", S))))
check("class-base", mod(ast.ClassDef("C", [name("b", S)], [], [ast.Pass()], [])))

# Constants.
for value in [[], {}, int, (1, 2, int), frozenset((1, 2, int)), (1, [2])]:
    try:
        check("constant-" + type(value).__name__, ast.Expression(ast.Constant(value)), "eval")
    except TypeError as e:
        print("unhashable", e)

# Positions.
for line, end_line in [(10, 1), (-10, -11), (10, -11), (-5, -2), (-5, 1), (-1, -1)]:
    tree = ast.parse("a = 1")
    tree.body[0].lineno = line
    tree.body[0].end_lineno = end_line
    check("lines %d:%d" % (line, end_line), tree)
for col, end_col in [(10, 1), (-10, -11), (10, -11), (-5, -2), (-5, 1), (-3, -3)]:
    tree = ast.parse("a = 1")
    tree.body[0].col_offset = col
    tree.body[0].end_col_offset = end_col
    check("cols %d:%d" % (col, end_col), tree)
tree = ast.parse("def f(x): pass")
tree.body[0].args.args[0].lineno = 5
check("arg-lines", tree)
tree = ast.parse("try: pass\nexcept: pass")
tree.body[0].handlers[0].end_lineno = 0
check("handler-lines", tree)
tree = ast.parse("a = 1")
tree.body[0].lineno = None
check("lineno-None", tree)

# Patterns.
check("value-name", case(ast.MatchValue(name("y"))))
check("value-attr-store", case(ast.MatchValue(ast.Attribute(name("a"), "b", S))))
check("value-None", case(ast.MatchValue(ast.Constant(None))))
check("value-True", case(ast.MatchValue(ast.Constant(True))))
check("value-Ellipsis", case(ast.MatchValue(ast.Constant(...))))
check("value-tuple", case(ast.MatchValue(ast.Constant((1, 2)))))
check("value-neg", case(ast.MatchValue(ast.UnaryOp(ast.USub(), ast.Constant(1j)))))
check("value-not", case(ast.MatchValue(ast.UnaryOp(ast.Not(), ast.Constant(1)))))
check("value-neg-str", case(ast.MatchValue(ast.UnaryOp(ast.USub(), ast.Constant("s")))))
check("value-complex", case(ast.MatchValue(ast.BinOp(ast.UnaryOp(ast.USub(), ast.Constant(1)), ast.Sub(), ast.Constant(1j)))))
check("value-add-real", case(ast.MatchValue(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(1)))))
check("value-mult", case(ast.MatchValue(ast.BinOp(ast.Constant(1), ast.Mult(), ast.Constant(1j)))))
check("value-bool-real", case(ast.MatchValue(ast.BinOp(ast.Constant(True), ast.Add(), ast.Constant(1j)))))
check("singleton-str", case(ast.MatchSingleton("string")))
check("singleton-int", case(ast.MatchSingleton(0)))
check("star-top", case(ast.MatchStar("x")))
check("star-underscore", case(ast.MatchSequence([ast.MatchStar("_")])))
check("star-None", case(ast.MatchSequence([ast.MatchStar("None")])))
check("star-in-or", case(ast.MatchOr([ast.MatchStar(), ast.MatchAs()])))
check("star-in-class", case(ast.MatchClass(name("C"), [ast.MatchStar()], [], [])))
check("seq-inner", case(ast.MatchSequence([ast.MatchValue(name("y"))])))
check("as-underscore", case(ast.MatchAs(name="_")))
check("as-False", case(ast.MatchAs(name="False")))
check("as-no-name", case(ast.MatchAs(ast.MatchAs(), None)))
check("as-inner", case(ast.MatchAs(ast.MatchStar(), "y")))
check("or-one", case(ast.MatchOr([ast.MatchAs()])))
check("or-inner", case(ast.MatchOr([ast.MatchAs(), ast.MatchSingleton(3)])))
check("mapping-count", case(ast.MatchMapping([one], [], None)))
check("mapping-rest", case(ast.MatchMapping([], [], "_")))
check("mapping-rest-True", case(ast.MatchMapping([], [], "True")))
check("mapping-key-name", case(ast.MatchMapping([name("a")], [ast.MatchAs()], None)))
check("mapping-key-None", case(ast.MatchMapping([ast.Constant(None)], [ast.MatchAs()], None)))
check("mapping-star", case(ast.MatchMapping([one], [ast.MatchStar()], None)))
check("class-count", case(ast.MatchClass(name("C"), [], ["a"], [])))
check("class-call", case(ast.MatchClass(ast.Call(name("C"), [], []), [], [], [])))
check("class-attr-const", case(ast.MatchClass(ast.Attribute(one, "a", L), [], [], [])))
check("class-store", case(ast.MatchClass(name("C", S), [], [], [])))
check("class-kwd-None", case(ast.MatchClass(name("C"), [], ["None"], [ast.MatchAs()])))
check("class-pattern", case(ast.MatchClass(name("C"), [ast.MatchValue(name("y"))], [], [])))
check("class-kwd-pattern", case(ast.MatchClass(name("C"), [], ["a"], [ast.MatchValue(name("y"))])))
check("guard", mod(ast.Match(name("x"), [ast.match_case(ast.MatchAs(), name("g", S), [ast.Pass()])])))
check("subject", mod(ast.Match(name("x", S), [ast.match_case(ast.MatchAs(), None, [ast.Pass()])])))

# Valid trees still compile and run.
tree = mod(ast.Assign([name("r", S)], ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10))))
ast.fix_missing_locations(tree)
ns = {}
exec(compile(tree, "<tree>", "exec"), ns)
print("r =", ns["r"])

# String fields versus identifiers.
expr("constant-kind", ast.Constant(True, kind=3))
check("type-comment", mod(ast.Assign([name("x", S)], one, type_comment=3)))
expr("name-id", ast.Name(3, L))
check("ignore-tag", ast.Module([], [ast.TypeIgnore(1, 3)]))
