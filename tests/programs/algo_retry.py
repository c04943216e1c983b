class FakeNet:
    """Fails in a fixed pattern so the retry logic can be shown."""

    def __init__(self, pattern):
        self.pattern = list(pattern)
        self.calls = 0

    def fetch(self, url):
        self.calls += 1
        kind = self.pattern.pop(0) if self.pattern else "ok"
        if kind == "timeout":
            raise TimeoutError(f"timed out fetching {url}")
        if kind == "reset":
            raise ConnectionResetError("Connection reset by peer")
        if kind == "refused":
            raise ConnectionRefusedError("refused")
        if kind == "pipe":
            raise BrokenPipeError("broken pipe")
        if kind == "io":
            raise IOError("disk full")
        return f"<html>{url}</html>"


def retry(fn, attempts=3, log=None):
    last = None
    for i in range(1, attempts + 1):
        try:
            result = fn()
        except (TimeoutError, ConnectionError) as e:
            last = e
            log.append(f"attempt {i}: {type(e).__name__}: {e}")
        else:
            log.append(f"attempt {i}: ok")
            return result
        finally:
            log.append(f"  after attempt {i}")
    raise RuntimeError(f"gave up after {attempts} attempts") from last


for pattern in (["timeout", "reset"], ["refused", "pipe", "timeout"], [], ["io"]):
    net = FakeNet(pattern)
    log = []
    try:
        page = retry(lambda: net.fetch("example.org"), log=log)
        print("got", page, "in", net.calls, "calls")
    except RuntimeError as e:
        print("error:", e, "| cause:", repr(e.__cause__))
    except OSError as e:
        print("os error:", type(e).__name__, e, e.__class__ is OSError)
    print("\n".join(log))

for exc in (BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
            TimeoutError, InterruptedError, ProcessLookupError, ChildProcessError, IOError, EnvironmentError):
    print(f"{exc.__name__:<24} {' > '.join(c.__name__ for c in exc.__mro__)}")
print(IOError is OSError, EnvironmentError is OSError, issubclass(BrokenPipeError, OSError))
for w in (SyntaxWarning, FutureWarning, PendingDeprecationWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning):
    print(w.__name__, w.__base__.__name__, issubclass(w, Exception), repr(w("msg")))
print(UnicodeTranslateError.__mro__)
errs = [TimeoutError("t"), KeyError("k"), ConnectionResetError("c"), ValueError("v")]
print(sorted(type(e).__name__ for e in errs if isinstance(e, OSError)))
