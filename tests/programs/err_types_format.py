x = 3.5
print(f"{x:.2f}")
print(f"{x:d}")
