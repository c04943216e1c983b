import asyncio
import os
import socket
import tempfile


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b"echo: " + data.upper())
    await writer.drain()
    rest = await reader.read()
    writer.write(b"rest: %d bytes" % len(rest))
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def unix_round_trip(path):
    server = await asyncio.start_unix_server(handle, path)
    async with server:
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"hello over unix\n")
        print(await reader.readline())
        writer.write(b"x" * 1000)
        writer.write_eof()
        print(await reader.read())
        print(reader.at_eof())
        writer.close()
        await writer.wait_closed()


async def tcp_round_trip():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("listening", server.sockets[0].getsockname()[0], port > 0)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"tcp line\n")
        print(await reader.readuntil(b"\n"))
        writer.write_eof()
        print(await reader.read())
        print(writer.get_extra_info("peername") == ("127.0.0.1", port))
        writer.close()
        await writer.wait_closed()


async def pair_round_trip():
    a, b = socket.socketpair()
    reader, writer = await asyncio.open_connection(sock=a)
    loop = asyncio.get_running_loop()
    b.setblocking(False)
    await loop.sock_sendall(b, b"from the pair\n")
    print(await reader.readline())
    writer.write(b"back")
    await writer.drain()
    print(await loop.sock_recv(b, 100))
    writer.close()
    await writer.wait_closed()
    b.close()


async def main():
    with tempfile.TemporaryDirectory() as d:
        await unix_round_trip(os.path.join(d, "sock"))
    await tcp_round_trip()
    await pair_round_trip()


asyncio.run(main())
