# Timeouts: run(timeout=), wait(timeout=), communicate(timeout=) through
# selectors' PollSelector, and killing the child afterwards.
import signal
import subprocess

try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    # e.timeout is the time that was left, which varies between runs.
    print("TimeoutExpired:", e.cmd, e.output)

p = subprocess.Popen(["sleep", "5"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(e)
print(p.poll())
p.terminate()
print(p.wait(), -signal.SIGTERM)

# communicate with a timeout and three pipes: the selector loop.
p = subprocess.Popen(["sh", "-c", "cat; echo to-err >&2; sleep 5"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
try:
    p.communicate(input=b"data " * 20000, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.timeout)
p.kill()
out, err = p.communicate()
print(len(out), out[:10], err, p.returncode)

# Finishing within the timeout.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True)
out, err = p.communicate("quick\n", timeout=10)
print(repr(out), repr(err), p.returncode)
r = subprocess.run(["echo", "in time"], capture_output=True, timeout=10)
print(r.stdout)

p = subprocess.Popen(["sleep", "5"])
p.send_signal(signal.SIGKILL)
print(p.wait())
