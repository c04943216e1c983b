# A builtin called with *args/**kwargs (CALL_FUNCTION_EX) is seen by
# sys.setprofile and by cProfile, as one called directly is.
import cProfile
import io
import pstats
import sys

events = []
def hook(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, getattr(arg, "__name__", "?")))

def run():
    max([0], **dict(key=int))
    args = ([3, 1, 2],)
    sorted(*args)
    try:
        int(*("x",))
    except ValueError:
        pass

sys.setprofile(hook)
run()
sys.setprofile(None)
for e in events:
    if e[1] != "setprofile":
        print(*e)

p = cProfile.Profile()
p.runcall(run)
s = io.StringIO()
st = pstats.Stats(p, stream=s)
names = sorted(f[2] for f in st.stats)
print([n for n in names if "max" in n or "sorted" in n or "int" in n])
