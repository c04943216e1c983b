import ast
import dataclasses
import importlib.machinery
import inspect

tree = ast.parse('def f():\n    """First.\n\n        Indented.\n    """\n')
print(repr(ast.get_docstring(tree.body[0])))
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.all_suffixes()[:2])
print(inspect.getmodulename("pkg/mod.py"), inspect.cleandoc("  a\n    b\n  c"))


@dataclasses.dataclass
class Point:
    x: int
    y: int = 0


p = Point(1)
print(p, dataclasses.asdict(p), dataclasses.fields(p)[1].name)


def g(a, b=2, *c, d, **e):
    pass


print(inspect.signature(g), inspect.isfunction(g), inspect.isclass(Point))
