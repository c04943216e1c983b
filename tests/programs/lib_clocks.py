# CPU-time and monotonic clocks: a busy loop bounded by process_time()
# must end, and every thread reads monotonic() from one origin.
import threading
import time

start = time.process_time()
spins = 0
while time.process_time() - start < 0.05:
    spins += 1
print("process_time advanced:", spins > 0)
print("ns agrees:", abs(time.process_time_ns() / 1e9 - time.process_time()) < 1.0)

seen = []
before = time.monotonic()
worker = threading.Thread(target=lambda: seen.append(time.monotonic()))
worker.start()
worker.join()
after = time.monotonic()
print("one origin:", before <= seen[0] <= after)
print("monotonic is CLOCK_MONOTONIC:",
      abs(time.monotonic() - time.clock_gettime(time.CLOCK_MONOTONIC)) < 1.0)
print("perf_counter is CLOCK_MONOTONIC:",
      abs(time.perf_counter() - time.clock_gettime(time.CLOCK_MONOTONIC)) < 1.0)
print("process_time is the process clock:",
      abs(time.process_time() - time.clock_gettime(time.CLOCK_PROCESS_CPUTIME_ID)) < 1.0)
for name in ("monotonic", "perf_counter", "process_time"):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable)
