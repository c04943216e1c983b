# re on strs holding lone surrogates: they match as their code points and groups keep them.
import re
s = 'z\ud834\udd20x12345'
m = re.match(r'(.*?)(x)', s)
print(ascii(m.group(1)), m.span(), ascii(m[0]))
print(ascii(re.findall(r'[\ud800-\udfff]', s)), ascii(re.sub(r'\d', '-', s)), ascii(re.split('x', s)))
print(ascii(re.search('\udd20', s)))
import json.decoder
print(ascii(json.decoder.py_scanstring('"z\\ud834\udd20x12345"', 1)))
