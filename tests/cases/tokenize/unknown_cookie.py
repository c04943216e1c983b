# coding: bogus-enc
x = 1
