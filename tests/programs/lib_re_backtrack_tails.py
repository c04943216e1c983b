# Backtracking shortcuts of the regex engine: a greedy repeat followed by a
# literal gives back only to positions where that literal stands, and a
# branch skips alternatives whose first literal or set cannot match.
import re

cases = [
    (r'.*"', 'say "hi" and "bye" now'),
    (r'a*ab', 'aaaaab'),
    (r'x*y', 'xxxx'),
    (r'(a+)a', 'aaaa'),
    (r'[ab]{2,}b', 'ababab'),
    (r'\w+:', 'key: value: more'),
    (r'.{3,}z', 'abzcdz'),
    (r'(?:ab|ac|[xy]z|\d+|a)', 'xz ac 12 ab a'),
    (r'(?:=|==|!=|<=|<|\w+)', 'a<=b!=c==d'),
    (r'(a|b|c)*c', 'abcabc'),
    (r'(?:"[^"]*"|\'[^\']*\'|\S+)', '"a b" \'c d\' e'),
    (r'^(?:(\d+)|([a-z]+)|(.))', '!x'),
]
for pattern, text in cases:
    rx = re.compile(pattern)
    m = rx.search(text)
    print(pattern, m and (m.span(), m.groups()), rx.findall(text))
    print("  ", [m.span() for m in rx.finditer(text)], rx.sub("_", text))
