package org.klynge.core.io;

/** Strict decimal numbers: {@code -12}, {@code 7.5}, {@code .5}, {@code 1e-3}; no {@code NaN}, no comma. */
final class Numbers {

  /** What {@link #parse(String)} returns for text that is not a finite decimal number. */
  static final double INVALID = Double.NEGATIVE_INFINITY;

  private Numbers() {}

  /**
   * The number written in {@code text}, or {@link #INVALID}. Accepts an optional sign, digits
   * with at most one {@code .} (at least one digit in all), and an optional exponent; rejects
   * what {@link Double#parseDouble} would also take ({@code NaN}, {@code Infinity}, hexadecimal,
   * a trailing {@code d} or {@code f}) and numbers too large for a double.
   */
  static double parse(String text) {
    if (!isDecimal(text)) {
      return INVALID;
    }
    double value = Double.parseDouble(text);
    return Double.isInfinite(value) ? INVALID : value;
  }

  private static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
