# Writes reference-quantiles.csv: python3 reference-quantiles.py > reference-quantiles.csv
# Reference quantiles at 40 significant digits (mpmath), printed to 17.
import mpmath as mp
from scipy import special, stats
mp.mp.dps = 40
rows = []
def gq(p, a):
    start = special.gammaincinv(float(a), float(p))
    f = lambda x: mp.gammainc(a, 0, x, regularized=True) - p
    return mp.findroot(f, mp.mpf(start), tol=mp.mpf(10)**-35)
def ibeta_int(a, b, x):
    # I_x(a, b) for integers a, b: P(Binomial(n, x) >= a), n = a + b - 1, summed from the upper
    # tail's first term j = a outward until the terms no longer matter
    n = a + b - 1
    x = mp.mpf(x)
    def tail(start, stop, step):
        j = start
        lo, hi = min(start, stop), max(start, stop)
        t = mp.exp(mp.loggamma(n + 1) - mp.loggamma(j + 1) - mp.loggamma(n - j + 1) + j * mp.log(x) + (n - j) * mp.log1p(-x))
        total = mp.mpf(0)
        while lo <= j <= hi:
            total += t
            if t < total * mp.mpf(10) ** -45:
                break
            if step > 0:
                t = t * (n - j) / (j + 1) * x / (1 - x)
            else:
                t = t * j / (n - j + 1) * (1 - x) / x
            j += step
        return total
    if a - 1 < n * x:
        return 1 - tail(a - 1, 0, -1) if a >= 1 else mp.mpf(1)
    return tail(a, n, 1)
def bq(p, a, b):
    if special.betaincinv(float(a), float(b), float(p)) > 0.5:
        return 1 - bq0(1 - p, b, a)
    return bq0(p, a, b)
def bq0(p, a, b):
    start = special.betaincinv(float(a), float(b), float(p))
    f = lambda x: ibeta_int(a, b, x) - p
    return mp.findroot(f, mp.mpf(start), tol=mp.mpf(10)**-35)
ps = ["0.025", "0.975", "0.001", "0.999", "0.5", "0.1"]
shapes = ["0.5", "1", "2", "3", "5", "10", "11", "21", "50", "101", "333", "1000", "4321", "10000", "100001", "1000000"]
for a in shapes:
    for p in ps:
        rows.append(("gamma", p, a, "", mp.nstr(gq(mp.mpf(p), mp.mpf(a)), 17)))
pairs = [(1, 10), (3, 10), (9, 10), (1, 100), (30, 120), (81, 263), (50, 1000), (300, 5000), (2500, 5000), (5000, 100000), (1, 100000), (99999, 100000), (60000, 250000)]
for x, n in pairs:
    for p in ["0.025", "0.975", "0.001", "0.999"]:
        # the Clopper–Pearson shapes: lower B(x, n−x+1), upper B(x+1, n−x)
        for a, b in ((x, n - x + 1), (x + 1, n - x)):
            try:
                rows.append(("beta", p, str(a), str(b), mp.nstr(bq(mp.mpf(p), a, b), 17)))
            except Exception:
                import sys; print("skipped beta", p, a, b, file=sys.stderr)
for p in ["0.975", "0.995", "0.999", "0.5", "0.025", "1e-6", "1e-12", "0.02425", "0.97575", "0.3", "0.999999"]:
    rows.append(("normal", p, "", "", mp.nstr(mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1), 17)))
for df in ["1", "2", "10", "13", "114", "1467"]:
    for p in ["0.95", "0.05"]:
        rows.append(("chisquare", p, df, "", mp.nstr(2 * gq(mp.mpf(p), mp.mpf(df) / 2), 17)))
print("# distribution,p,a,b,quantile")
print("# Reference quantiles computed with mpmath 1.3 at 40 significant digits (root of the regularised")
print("# incomplete gamma or beta function, or the inverse error function), rounded to 17.")
for r in rows:
    print(",".join(r))
