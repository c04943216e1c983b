def div(a, b):
    return a // b

print("before")
print(div(1, 0))
print("never")
