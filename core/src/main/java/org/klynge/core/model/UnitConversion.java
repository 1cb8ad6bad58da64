package org.klynge.core.model;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Converts measured values between units where the conversion is defined. Today that is
 * HbA1c between DCCT percent and IFCC mmol/mol (IFCC = 10.929 × (DCCT − 2.15)), and any unit
 * to itself (compared ignoring case and surrounding spaces). A value without a unit is taken to
 * be in the target unit already.
 *
 * <p>Worked example: HbA1c 7.5 % is 10.929 × (7.5 − 2.15) = 58.47 mmol/mol.
 */
public final class UnitConversion {

  /** IFCC units for HbA1c. */
  public static final String MMOL_PER_MOL = "mmol/mol";
  /** DCCT (NGSP) units for HbA1c. */
  public static final String PERCENT = "%";
  private static final double IFCC_SLOPE = 10.929;
  private static final double DCCT_OFFSET = 2.15;

  private UnitConversion() {}

  /** The linear map {@code to = scale × from + offset}, if one is defined between the units. */
  public record Linear(double scale, double offset) {
    public double apply(double value) {
      return scale * value + offset;
    }
  }

  /** The conversion from {@code from} to {@code to}; an empty {@code from} means "same as target". */
  public static java.util.Optional<Linear> between(String from, String to) {
    String f = normalise(from);
    String t = normalise(to);
    if (f.isEmpty() || f.equals(t)) {
      return java.util.Optional.of(new Linear(1, 0));
    }
    if (f.equals(PERCENT) && t.equals(MMOL_PER_MOL)) {
      return java.util.Optional.of(new Linear(IFCC_SLOPE, -IFCC_SLOPE * DCCT_OFFSET));
    }
    if (f.equals(MMOL_PER_MOL) && t.equals(PERCENT)) {
      return java.util.Optional.of(new Linear(1 / IFCC_SLOPE, DCCT_OFFSET));
    }
    return java.util.Optional.empty();
  }

  /** {@code value} in {@code from} converted to {@code to}, or empty when no conversion is defined. */
  public static OptionalDouble convert(double value, String from, String to) {
    return between(from, to).map(l -> OptionalDouble.of(l.apply(value))).orElse(OptionalDouble.empty());
  }

  private static String normalise(String unit) {
    return unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
  }
}
