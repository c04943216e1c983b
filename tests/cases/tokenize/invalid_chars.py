x = $y
z = a ? b : c
w = `q`
v = 1 € 2
u = !x
t = a \ b
s = 'ok'  
