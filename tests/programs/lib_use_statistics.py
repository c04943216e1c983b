import statistics as st
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean(data), st.median(data), st.mode([1, 1, 2, 3, 3, 3]), st.stdev(data), st.variance(data))
print(st.pstdev(data), st.pvariance(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mean([1, 2, 3, 4]), st.fmean([1, 2, 3, 4]), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]))
print(st.multimode("aabbbbccddddeeffffgg"), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4))
from fractions import Fraction
from decimal import Decimal
print(st.mean([Fraction(1, 2), Fraction(1, 3)]), st.mean([Decimal("0.5"), Decimal("0.75")]))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
n = st.NormalDist(100, 15)
print(n.cdf(115), n.inv_cdf(0.975), n.pdf(100), n.mean, n.stdev, n)
print(st.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), st.covariance([1, 2, 3], [1, 2, 4]), st.linear_regression([1, 2, 3, 4], [2, 4, 6, 9]))
print(st.variance([1, 2, 3, 4, 5, 6]), st.stdev([Decimal(1), Decimal(3)]))
