a = 'single' "double" '''triple''' """triple2"""
b = r'\d' R'x' b'bytes' B"x" u'u' U'x' f'{a}' F'{b!r:>10}'
c = rb'x' Rb'x' bR'x' BR'x' br'x' Br'x' rB'x' RB'x' fr'x' Fr'x' fR'x' FR'x' rf'{x}' rF'x' Rf'x' RF'x'
d = 'it\'s' "say \"hi\"" '\\' ''
e = '''multi
line
''' + """with \""" inside
"""
f = f"{x:{width}.{prec}}" f'{x=}' f'{{literal}}'
g = 'esc\
  continued'
h = ur'x'
