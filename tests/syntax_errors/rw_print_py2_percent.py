print "x=%d" % x
