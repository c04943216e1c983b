import sys, subprocess
def run(code):
    p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
    err = p.stderr.splitlines()
    print(p.returncode, len(err), err[:2], err[-3:])
deep = "import sys\nsys.setrecursionlimit(3000)\ndef f(n):\n    if n == 0: raise ValueError(n)\n    f(n - 1)\n"
run(deep + "f(1500)")
run(deep + "sys.tracebacklimit = 5\nf(1500)")
run(deep + "sys.tracebacklimit = 0\nf(10)")
run(deep + "sys.tracebacklimit = -3\nf(10)")
run(deep + "sys.tracebacklimit = 'x'\nf(1200)")
run(deep + "sys.tracebacklimit = 2**100\nf(1200)")
run(deep + "sys.tracebacklimit = True\nf(3)")
run(deep + "sys.tracebacklimit = 1\nimport traceback\ntry: f(3)\nexcept: traceback.print_exc()\nf(2)")
