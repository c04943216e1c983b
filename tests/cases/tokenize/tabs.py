if a:
	b = 1
	if c:
		d = 2
	        e = 3
	f = 4
