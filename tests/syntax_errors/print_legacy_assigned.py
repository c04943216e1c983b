value = print "a", x
