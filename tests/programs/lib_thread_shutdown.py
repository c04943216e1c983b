# The program's end waits for non-daemon threads (threading._shutdown) and
# abandons daemon ones; a busy thread is preempted (switch interval) so a
# spinning loop sees another thread's store.
import sys
import threading
import time

print("interval", sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("interval", sys.getswitchinterval())

flag = [False]
spins = [0]


def spinner():
    while not flag[0]:
        spins[0] += 1
    print("spinner saw the flag")


def setter():
    time.sleep(0.01)
    flag[0] = True


s = threading.Thread(target=spinner)
s.start()
threading.Thread(target=setter).start()
s.join()
print("spun", spins[0] > 0)


def cpu(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


res = {}
ts = [threading.Thread(target=lambda k=k: res.__setitem__(k, cpu(20000 + k))) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("cpu", [res[k] == cpu(20000 + k) for k in range(3)])


def daemon_forever():
    while True:
        time.sleep(0.01)


threading.Thread(target=daemon_forever, daemon=True).start()


def late():
    time.sleep(0.03)
    print("late thread finished after main")


threading.Thread(target=late).start()
print("main done")
