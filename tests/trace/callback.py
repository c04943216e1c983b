# A builtin calls back into Python: sorted() runs the key function's frames.
print(sorted([3, 1, 2], key=lambda v: -v))
