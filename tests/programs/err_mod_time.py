import time

def wait(seconds):
    time.sleep(seconds)

wait(0)
print("slept")
wait(-1)
