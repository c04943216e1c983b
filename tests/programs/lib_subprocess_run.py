# subprocess.run, check_output, call and Popen on small POSIX commands:
# captured output, return codes, errors raised in the parent.
import subprocess

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r)
print(r.returncode, r.stdout, r.stderr)

print(subprocess.check_output(["echo", "one", "two"]))
print(subprocess.check_output(["printf", "%s|", "a b", "c"], text=True))
print(repr(subprocess.check_output("echo $((6 * 7))", shell=True, text=True)))

# Return codes, and check=True.
print(subprocess.call(["sh", "-c", "exit 3"]))
print(subprocess.run(["false"]).returncode)
try:
    subprocess.run(["sh", "-c", "exit 5"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e)
    print(e.returncode, e.cmd)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 2"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output)
print(subprocess.getstatusoutput("echo status; exit 4"))
print(subprocess.getoutput("echo getoutput"))

# A missing program: FileNotFoundError from the child's errno.
try:
    subprocess.run(["/nonexistent/prog", "x"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
try:
    subprocess.run(["no-such-program-here"])
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["echo"], cwd="/nonexistent/dir")
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["/"])
except PermissionError as e:
    print(e)

# stdin/stdout/stderr pipes, stderr=STDOUT, input=.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(input=b"through cat\n")
print(out, err, p.returncode)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()))
r = subprocess.run(["tr", "a-z", "A-Z"], input="upper me\n", capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["wc", "-c"], input=b"x" * 100000, capture_output=True)
print(r.stdout.split())
r = subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True)
print(r.stdout)
r = subprocess.run(["echo", "gone"], stdout=subprocess.DEVNULL)
print(r.stdout, r.returncode)

# cwd= and env=.
print(subprocess.check_output(["pwd"], cwd="/").strip())
print(subprocess.check_output(["sh", "-c", "echo $ONLY_VAR:$HOME"],
                              env={"ONLY_VAR": "set", "PATH": "/usr/bin:/bin"}))
print([v for v in subprocess.check_output("env", env={"A": "1", "B": "2"}, shell=True).split() if not v.startswith(b"PWD=")])

# Popen as a context manager, poll and wait.
with subprocess.Popen(["sh", "-c", "exit 7"]) as p:
    print(p.wait(), p.poll(), p.returncode)
p = subprocess.Popen(["echo", "lines"], stdout=subprocess.PIPE, text=True)
print(p.stdout.read(), end="")
p.stdout.close()
print(p.wait())
p = subprocess.Popen(["sh", "-c", "kill -9 $$"])
print(p.wait())
