package org.klynge.core.engine;

/**
 * Allocation-free conversion of day numbers (days since 1970-01-01) to year, month and day,
 * using Howard Hinnant's {@code civil_from_days} algorithm, packed as {@code y*10000+m*100+d}.
 */
final class CivilDate {

  private CivilDate() {}

  /** {@code yyyymmdd} for the day number. */
  static int packed(int epochDay) {
    long z = epochDay + 719468L;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    return (int) (y * 10000 + m * 100 + d);
  }

  /**
   * Age in whole years on {@code onPacked} of someone born {@code birthPacked} (both
   * {@code yyyymmdd}); a person born on 29 February becomes a year older on 1 March in
   * non-leap years, as {@link java.time.Period#between} counts.
   */
  static int age(int birthPacked, int onPacked) {
    int years = onPacked / 10000 - birthPacked / 10000;
    return onPacked % 10000 < birthPacked % 10000 ? years - 1 : years;
  }
}
