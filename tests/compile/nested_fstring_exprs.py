items = {'a': 1.23456, 'b': 2}
w = 8
for k, v in items.items():
    print(f'{k:>{w}}: {v!s:<{w // 2}} [{v:.{2}f}]')
print(f"{'-' * 10}")
print(f'{items["a"]:e}')
print(f'{w:#x} {w:08b} {w!r:^5}')
