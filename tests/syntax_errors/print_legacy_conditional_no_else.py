print 1 if x
