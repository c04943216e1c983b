# The native `_warnings` core: filters, registries, once/module/default/error
# actions, warn_explicit, sources, and never-awaited coroutines through it.
import re
import sys
import warnings
sys.stderr = sys.stdout
import _warnings
print(warnings.warn is _warnings.warn, warnings.filters is _warnings.filters)
def f():
    warnings.warn("plain")
f(); f()
warnings.warn("dep", DeprecationWarning)
def g():
    warnings.warn("deep", UserWarning, stacklevel=2)
g()
warnings.warn(UserWarning("instance"))
class MyW(Warning): pass
warnings.warn("mine", MyW)
try:
    warnings.warn("x", int)
except TypeError as e: print(e)
try:
    warnings.warn("x", "notatype")
except TypeError as e: print(e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("rec1"); warnings.warn("rec1")
    warnings.warn("res", ResourceWarning, source=object())
print([str(x.message) for x in w], [x.source is not None for x in w])
warnings.simplefilter("error", MyW)
try: warnings.warn("boom", MyW)
except MyW as e: print("raised", repr(e))
warnings.filterwarnings("ignore", message="ign.*")
warnings.warn("ignored please")
warnings.warn("ign me")
warnings.simplefilter("once")
for i in range(3): warnings.warn("once!")
warnings.resetwarnings()
warnings.simplefilter("module")
for i in range(3): warnings.warn("mod!")
warnings.warn_explicit("expl", UserWarning, "fake.py", 12)
warnings.warn_explicit("expl2", UserWarning, "fake.py", 12, module="m", registry={})
try: warnings.warn_explicit("expl2", UserWarning, "fake.py", 12, registry=5)
except TypeError as e: print(e)
warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
try: warnings.warn("bog")
except RuntimeError as e: print(e)
warnings.resetwarnings()
warnings.simplefilter("default")
warnings.warn("src", ResourceWarning, source=[1])
print(__warningregistry__ if '__warningregistry__' in globals() else 'noreg')
import _warnings; print(sorted(x for x in dir(_warnings) if not x.startswith('__')))

# A coroutine never awaited warns through the same machinery: catchable,
# filterable, with its origin when tracking is on.
warnings.resetwarnings()


async def job():
    pass


def make():
    return job()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    make()
print([(w.category.__name__, str(w.message), w.lineno, w.source is not None) for w in caught])
sys.set_coroutine_origin_tracking_depth(2)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    make()
print([re.sub(r'File "(?:[^"]*/)?([^"/]*)"', r'File "\1"', str(w.message)) for w in caught])
sys.set_coroutine_origin_tracking_depth(0)
make()
