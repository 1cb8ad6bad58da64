package org.klynge.examples.bench.micro;

/**
 * The special functions and quantiles that {@code core.stats.Distributions} had before it used
 * Commons Statistics, kept here so that the comparison in {@link Quantiles} and {@link
 * QuantileAccuracy} can be run again. Implemented with the JDK only:
 *
 * <ul>
 *   <li>Log-gamma: Lanczos approximation (g = 7, nine coefficients), relative error about 1e-15.
 *   <li>Regularised incomplete gamma {@code P(a, x)}, {@code Q(a, x)}: power series for {@code x <
 *       a + 1}, Lentz continued fraction otherwise (Press et al., <i>Numerical Recipes</i>, 3rd ed.,
 *       §6.2).
 *   <li>Regularised incomplete beta {@code I_x(a, b)}: continued fraction (ibid., §6.4).
 *   <li>Normal quantile: Acklam's rational approximation (relative error 1.15e-9) refined by one
 *       Halley step against the normal distribution function, giving close to double precision.
 *   <li>Gamma, chi-square, beta and Student-t quantiles: bisection on the distribution function to
 *       a relative width of 1e-14; the distribution functions are monotone, so bisection always
 *       converges.
 * </ul>
 */
public final class HandWrittenDistributions {
  private static final double EPS = 1e-16;
  private static final double FPMIN = Double.MIN_NORMAL / EPS;
  private static final int MAX_ITERATIONS = 100_000;
  private static final int BISECTION_STEPS = 400;
  private static final double BISECTION_TOLERANCE = 1e-14;
  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private static final double LANCZOS_G = 7;
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  // Acklam's coefficients for the normal quantile.
  private static final double[] A = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double P_LOW = 0.02425;

  private HandWrittenDistributions() {}

  /** {@code ln Γ(x)} for {@code x > 0}. Example: {@code logGamma(5)} = ln 24 = 3.178054. */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    if (x < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double y = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (y + i);
    }
    double t = y + LANCZOS_G + 0.5;
    return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /**
   * Regularised lower incomplete gamma {@code P(a, x) = γ(a, x) / Γ(a)}, the distribution function
   * of a gamma variable with shape {@code a} and scale 1. Example: {@code P(1, 1)} = 1 − e⁻¹ =
   * 0.632121.
   */
  public static double regularizedGammaP(double a, double x) {
    checkShape(a);
    if (x <= 0) {
      return 0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1;
    }
    return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
  }

  /** Regularised upper incomplete gamma {@code Q(a, x) = 1 − P(a, x)}, computed without cancellation. */
  public static double regularizedGammaQ(double a, double x) {
    checkShape(a);
    if (x <= 0) {
      return 1;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
  }

  private static double gammaSeries(double a, double x) {
    double ap = a;
    double sum = 1 / a;
    double del = sum;
    for (int n = 0; n < MAX_ITERATIONS; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  private static double gammaContinuedFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / FPMIN;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < FPMIN) {
        d = FPMIN;
      }
      c = b + an / c;
      if (Math.abs(c) < FPMIN) {
        c = FPMIN;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  /**
   * Regularised incomplete beta {@code I_x(a, b)}, the distribution function of a beta(a, b)
   * variable. Example: {@code I_0.5(2, 2)} = 0.5.
   */
  public static double regularizedBeta(double x, double a, double b) {
    checkShape(a);
    checkShape(b);
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front =
        Math.exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaContinuedFraction(x, a, b) / a;
    }
    return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
  }

  private static double betaContinuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < FPMIN) {
      d = FPMIN;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m < MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < FPMIN) {
        d = FPMIN;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < FPMIN) {
        c = FPMIN;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < FPMIN) {
        d = FPMIN;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < FPMIN) {
        c = FPMIN;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        break;
      }
    }
    return h;
  }

  /**
   * The standard normal distribution function {@code Φ(x) = ½ erfc(−x/√2)}, with {@code erfc(y) =
   * Q(½, y²)} for {@code y ≥ 0}. Example: {@code Φ(1.959964)} = 0.975.
   */
  public static double normalCdf(double x) {
    if (x == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1;
    }
    double y = -x / Math.sqrt(2);
    double erfc = y >= 0 ? regularizedGammaQ(0.5, y * y) : 1 + regularizedGammaP(0.5, y * y);
    return 0.5 * erfc;
  }

  /**
   * The standard normal quantile {@code Φ⁻¹(p)} for {@code 0 < p < 1} (Acklam's algorithm with one
   * Halley refinement). Example: {@code normalQuantile(0.975)} = 1.959964, {@code
   * normalQuantile(0.999)} = 3.090232.
   */
  public static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("normal quantile needs 0 < p < 1, got " + p);
    }
    double x;
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    } else if (p <= 1 - P_LOW) {
      double q = p - 0.5;
      double r = q * q;
      x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
          / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    double e = normalCdf(x) - p;
    double u = e * SQRT_TWO_PI * Math.exp(x * x / 2);
    return x - u / (1 + x * u / 2);
  }

  /**
   * The {@code p} quantile of a gamma distribution with shape {@code a > 0} and scale 1. Example:
   * {@code gammaQuantile(0.975, 1)} = −ln 0.025 = 3.688879.
   */
  public static double gammaQuantile(double p, double a) {
    checkProbability(p);
    checkShape(a);
    if (p == 0) {
      return 0;
    }
    double hi = Math.max(1, a);
    while (regularizedGammaP(a, hi) < p) {
      hi *= 2;
    }
    double lo = 0;
    return bisect(lo, hi, mid -> regularizedGammaP(a, mid) < p);
  }

  /**
   * The {@code p} quantile of a chi-square distribution with {@code df} degrees of freedom, twice
   * the gamma quantile with shape {@code df/2}. Example: {@code chiSquareQuantile(0.95, 1)} =
   * 3.841459.
   */
  public static double chiSquareQuantile(double p, double df) {
    return 2 * gammaQuantile(p, df / 2);
  }

  /**
   * The {@code p} quantile of a beta(a, b) distribution. Example: {@code betaQuantile(0.5, 2, 2)} =
   * 0.5.
   */
  public static double betaQuantile(double p, double a, double b) {
    checkProbability(p);
    checkShape(a);
    checkShape(b);
    if (p == 0) {
      return 0;
    }
    if (p == 1) {
      return 1;
    }
    return bisect(0, 1, mid -> regularizedBeta(mid, a, b) < p);
  }

  /**
   * The distribution function of Student's t with {@code df > 0} degrees of freedom: for {@code t ≥
   * 0}, {@code 1 − ½ I_{df/(df+t²)}(df/2, ½)}. Example: {@code studentTCdf(2.776445, 4)} = 0.975.
   */
  public static double studentTCdf(double t, double df) {
    checkShape(df);
    double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** The {@code p} quantile of Student's t. Example: {@code studentTQuantile(0.975, 4)} = 2.776445. */
  public static double studentTQuantile(double p, double df) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("t quantile needs 0 < p < 1, got " + p);
    }
    double hi = 1;
    while (studentTCdf(hi, df) < p) {
      hi *= 2;
    }
    double lo = -1;
    while (studentTCdf(lo, df) > p) {
      lo *= 2;
    }
    return bisect(lo, hi, mid -> studentTCdf(mid, df) < p);
  }

  private interface Below {
    boolean test(double x);
  }

  /** Bisection for an increasing function: {@code below(x)} is true left of the root. */
  private static double bisect(double lo, double hi, Below below) {
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (below.test(mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
      if (hi - lo <= BISECTION_TOLERANCE * Math.max(Math.abs(lo), Math.abs(hi))) {
        break;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static void checkShape(double a) {
    if (!(a > 0) || !Double.isFinite(a)) {
      throw new IllegalArgumentException("shape parameter must be finite and positive, got " + a);
    }
  }

  private static void checkProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must lie in [0, 1], got " + p);
    }
  }
}
