a = 'single' "double" '''triple
line''' """more"""
b = r'raw\n' R"\d+"; bb = rb'\x00' Rb"x" br'y' BR'z'
c = '\n\t\\\'\"\a\b\f\v\r\0\101\x41\u0041\U0001F600 \q \
continued'
d = b'\n\x00\xff\101\q'
e = U"upper u" u'lower u'
f = f''
g = f'{a}' f'{b!s}' f'{c!a:10}' "plain" f"{d:{e}.{f}}"
h = f"{x=}" f"{ x = }" f"{x = !s}" f"{x=:>5}"
i = f"{'nested'} {{escaped}} {f'{inner}'}"
j = f"""multi
{a +
 b}
line"""
k = f"{a}" "{not a field}"
l = f"{x!r}"
m = f"{3.14:.2f}" f"{x:{'>' if y else '<'}10}"
n = f"{lambda_:1}{x,}{a, b}"
o = "é" + f"ü{é}ß"
p = rf"\{x}" fr'\n{y}'
q = f"{x:=^10}" f"{x!=y}" f"{x>=y}"
r = ''
s = b''
t = 1
