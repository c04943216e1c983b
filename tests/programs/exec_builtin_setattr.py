# Setting and deleting attributes of builtin values: read-only data attributes,
# methods, and instances of object() with no __dict__.
for stmt in ["(1).real = 2", "(1).foo = 2", "del (1).real", "del (1).foo", "[].append = 1", "'x'.upper = 1", "(1.5).imag = 0", "(1j).real = 0", "(lambda: 0).__name__ = 5", "type.__name__", "int.__name__ = 'x'", "object().x = 1", "None.x = 1"]:
    try:
        exec(stmt); print("ok", stmt)
    except (AttributeError, TypeError) as e:
        print(stmt, "->", type(e).__name__, e)
