class A():
pass
