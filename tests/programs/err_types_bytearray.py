b = bytearray(b"xy")
b.append(300)
