import signal

print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(9), repr(signal.getsignal(15)))
print(signal.getsignal(signal.SIGINT), signal.SIG_IGN, repr(signal.Handlers.SIG_IGN))
print(signal.strsignal(signal.SIGHUP), len(signal.valid_signals()), signal.NSIG)
old = signal.signal(signal.SIGUSR1, lambda s, f: None)
print(repr(old), callable(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN))[:9])
print(repr(signal.getsignal(signal.SIGUSR1)))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
