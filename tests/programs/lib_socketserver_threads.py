# socketserver's threading servers under green threads: serve_forever in a
# thread, a thread per request reading with a file object (BufferedReader
# over SocketIO, a wait under Rust frames) while the main thread, which it
# waits for, runs in its nested loop; shutdown from the main thread.
# (Both sides reading through file objects still deadlock: each waits in a
# nested loop, and the outer one resumes only after the inner one.)
import socket
import socketserver
import threading


class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


server = Server(("127.0.0.1", 0), Echo)
port = server.server_address[1]
t = threading.Thread(target=server.serve_forever, args=(0.01,))
t.start()
for words in [[b"spam\n", b"eggs\n"], [b"one\n"]]:
    with socket.create_connection(("127.0.0.1", port)) as c:
        for w in words:
            c.sendall(w)
            reply = b""
            while not reply.endswith(b"\n"):
                reply += c.recv(100)
            print(reply)
server.shutdown()
t.join()
server.server_close()
print("stopped", t.is_alive())


# handle_request with a timeout and a UDP server.
class Upper(socketserver.DatagramRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.read().upper())


udp = socketserver.UDPServer(("127.0.0.1", 0), Upper)
udp.timeout = 5
t = threading.Thread(target=udp.handle_request)
t.start()
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.sendto(b"datagram", udp.server_address)
print(c.recvfrom(100)[0])
t.join()
c.close()
udp.server_close()
