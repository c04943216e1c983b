data = b"abc\xff"
text = data.decode("utf-8")
print(text)
