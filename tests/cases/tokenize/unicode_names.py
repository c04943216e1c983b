café = 1
naïve_ñ = café
变量 = 2
πr² = 3
x = ²
é = 4
µ = 5
