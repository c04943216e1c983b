print('a', 'b', sep='-', end='!\n')
print(*range(3), sep=', ')
import sys
print('to stdout', file=sys.stdout)
print()
