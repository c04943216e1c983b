# A circular import reports the module as partially initialized, in both
# the attribute and the `from ... import` error, and not once it has run.
import imports.circ_late_a as a

print(a.LATE)
try:
    a.MISSING
except AttributeError as e:
    print("AttributeError:", e)
try:
    from imports.circ_late_a import MISSING  # noqa: F401
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0])
