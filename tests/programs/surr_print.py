# Writing strs with lone surrogates to the standard streams.
import sys
sys.stderr.write('x\udc80y\n')
print('to stderr', 'a\ud800', file=sys.stderr)
print(sys.stderr.errors)
try:
    sys.stdout.write('\ud800')
except UnicodeEncodeError as e:
    print('caught:', e)
print(repr('\ud800'), ascii('\ud800'))
print('before', 'b\ud800\udfff', 'never')
