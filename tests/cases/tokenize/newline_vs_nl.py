x = 1

# comment line
   
y = (1,
     2,

     # inside
     3)
z = [
]
