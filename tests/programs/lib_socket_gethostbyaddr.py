# socket.gethostbyaddr: (name, aliases, addresses) of a host given by
# address or name (getfqdn relies on it).
import socket

# The names come from the machine's hosts file: only their shape is printed.
name, aliases, addresses = socket.gethostbyaddr("127.0.0.1")
print(type(name).__name__, type(aliases).__name__, addresses)
print(type(socket.gethostbyaddr("localhost")[0]).__name__)
try:
    socket.gethostbyaddr(1)
except TypeError as e:
    print(e)
print(type(socket.getfqdn("127.0.0.1")).__name__)
