# os.fork/waitpid/_exit/execv/pipe, register_at_fork, sysconf, getloadavg,
# get_terminal_size errors, and subprocess over them.
import os
import subprocess
import sys


def fork():
    # Flushed first, so the result does not depend on whether stdout is
    # buffered (nothing is pending for the child to inherit).
    sys.stdout.flush()
    return os.fork()


order = []
os.register_at_fork(before=lambda: order.append("before1"),
                     after_in_parent=lambda: order.append("parent1"))
os.register_at_fork(before=lambda: order.append("before2"),
                    after_in_parent=lambda: order.append("parent2"),
                    after_in_child=lambda: print("child hook", flush=True))

pid = fork()
if pid == 0:
    print("in child", flush=True)
    os._exit(7)
p, status = os.waitpid(pid, 0)
print(p == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
print(order)

r, w = os.pipe()
pid = fork()
if pid == 0:
    os.close(r)
    os.write(w, b"hello from the child")
    os._exit(0)
os.close(w)
chunks = []
while True:
    b = os.read(r, 5)
    if not b:
        break
    chunks.append(b)
os.close(r)
os.waitpid(pid, 0)
print(b"".join(chunks))

pid = fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "echo exec ok; exit 3"])
_, status = os.waitpid(pid, 0)
print("exit", os.waitstatus_to_exitcode(status))

pid = fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", 'echo "$GREETING"'], {"GREETING": "hi from env"})
os.waitpid(pid, 0)

pid = fork()
if pid == 0:
    os.kill(os.getpid(), 9)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))


def check(f, *args, **kw):
    try:
        print(f.__name__, "->", f(*args, **kw))
    except Exception as e:
        print(f.__name__, "!", type(e).__name__, e)


check(os.execv, "/bin/true", [])
check(os.execv, "/bin/true", [""])
check(os.execv, "/bin/true", "ab")
check(os.execv, "/nonexistent/prog", ["x"])
check(os.execve, "/bin/true", ["x"], 5)
check(os.fork, 1)
check(os.register_at_fork)
check(os.register_at_fork, before=1)
check(os.register_at_fork, 1)
check(os.waitpid, -1, os.WNOHANG)
print(os.sysconf("SC_PAGESIZE") > 0, os.sysconf("SC_CLK_TCK"), os.sysconf("SC_OPEN_MAX") > 0)
print(len(os.sysconf_names) > 100, os.sysconf_names["SC_ARG_MAX"])
check(os.sysconf, "SC_NOPE")
check(os.sysconf, 1.5)
check(os.sysconf, 99999)
load = os.getloadavg()
print(len(load), all(isinstance(x, float) for x in load))
print(os.cpu_count() >= 1, os.uname().sysname, len(os.times()))
with open(os.devnull, "w") as f:
    check(os.get_terminal_size, f.fileno())
check(os.get_terminal_size, 99)

res = subprocess.run([sys.executable, "-c", "import sys; print('py child'); sys.exit(4)"],
                     capture_output=True, text=True)
print(res.returncode, res.stdout, res.stderr)
print(subprocess.run(["sh", "-c", "echo err >&2; exit 3"], capture_output=True, text=True))
print(subprocess.check_output(["printf", "a\\nb"], text=True).splitlines())
print(subprocess.run("echo $((6*7))", shell=True, capture_output=True).stdout)
print(subprocess.getstatusoutput("echo out; exit 2"))
print(subprocess.run(["cat"], input=b"piped data", capture_output=True).stdout)
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e)
try:
    subprocess.run(["nonexistent_cmd_xyz"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
with subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE) as p:
    out, _ = p.communicate(b"value\n")
print(out, p.returncode)
