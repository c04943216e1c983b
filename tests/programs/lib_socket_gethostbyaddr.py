# socket.gethostbyaddr: (name, aliases, addresses) of a host given by
# address or name (getfqdn relies on it).
import socket

print(socket.gethostbyaddr("127.0.0.1"))
print(socket.gethostbyaddr("localhost")[0])
try:
    socket.gethostbyaddr(1)
except TypeError as e:
    print(e)
print(socket.getfqdn("127.0.0.1"))
