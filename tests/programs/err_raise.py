class_name = "Widget"
def check(n):
    if n > 2:
        raise ValueError(f"{class_name} count {n} is too large")
    return n
for i in range(5):
    print(check(i))
