# sigwait in the main thread while another thread sends the signal: the
# other (green) thread keeps running during the wait.
import os
import signal
import threading
import time

signum = signal.SIGUSR1


def kill_later():
    time.sleep(0.05)
    os.kill(os.getpid(), signum)


signal.pthread_sigmask(signal.SIG_BLOCK, [signum])
killer = threading.Thread(target=kill_later)
killer.start()
print(signal.sigwait([signum]))
killer.join()
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signum]))
print(signal.sigpending())
