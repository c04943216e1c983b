class A(B):
pass
