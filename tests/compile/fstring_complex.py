import math
name = 'pi'
value = math.pi
width = 10
print(f'{name!r:>{width}} = {value:.3f}')
print(f'{value:{width}.{2}f}')
print(f'{"nested"}')
print(f'{{literal}} {name}')
print(f'{name=}')
print(f'{1 + 2}')
print(f'{[x for x in range(3)]}')
print(f'a' f'b' 'c')
