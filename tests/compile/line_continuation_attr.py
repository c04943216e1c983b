import os
path = os \
    .path \
    .join('a', 'b')
value = 'text' \
    .upper() \
    .lower()
print(path, value)
obj = {'k': [1, 2]}
print(obj
      ['k']
      [1])
