package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a {@link Window}, written as text relative to the measurement period:
 * {@code period.start}, {@code period.end}, {@code period.end - 15 months},
 * {@code period.start + 7 days}, or {@code ever} (no lower limit).
 *
 * <p>Month and year offsets use calendar arithmetic and clamp to the end of a shorter month:
 * {@code 2024-12-31 - 10 months} is {@code 2024-02-29}.
 *
 * @param anchor what the bound is relative to
 * @param amount the signed offset, 0 for none
 * @param unit the unit of the offset
 */
public record Bound(Anchor anchor, int amount, Unit unit) {

  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*period\\.(start|end)\\s*(?:([+-])\\s*(\\d{1,4})\\s*(days?|months?|years?))?\\s*");

  /** The start of the measurement period. */
  public static final Bound PERIOD_START = new Bound(Anchor.PERIOD_START, 0, Unit.DAYS);
  /** The end of the measurement period (the reference date). */
  public static final Bound PERIOD_END = new Bound(Anchor.PERIOD_END, 0, Unit.DAYS);
  /** No limit: as far back as the data goes. */
  public static final Bound EVER = new Bound(Anchor.EVER, 0, Unit.DAYS);

  /** The largest offset the text form can hold (four digits). */
  public static final int MAX_OFFSET = 9999;

  public Bound {
    requireNonNull(anchor, "anchor");
    requireNonNull(unit, "unit");
    if (anchor == Anchor.EVER && amount != 0) {
      throw new IllegalArgumentException("'ever' takes no offset");
    }
    if (Math.abs((long) amount) > MAX_OFFSET) {
      throw new IllegalArgumentException("offset " + amount + " is too large: at most " + MAX_OFFSET);
    }
    // Without an offset the unit means nothing; one form keeps equal bounds equal (and the text form exact).
    unit = amount == 0 ? Unit.DAYS : unit;
  }

  /** What a bound is relative to. */
  public enum Anchor {
    PERIOD_START,
    PERIOD_END,
    EVER
  }

  /** The unit of an offset. */
  public enum Unit {
    DAYS,
    MONTHS,
    YEARS
  }

  /** Parses the text form; the message of the exception says what is expected. */
  @JsonCreator
  public static Bound parse(String text) {
    if (text.trim().equals("ever")) {
      return EVER;
    }
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("cannot read window bound '" + text
          + "': expected 'ever', 'period.start' or 'period.end', optionally followed by"
          + " '+ N days|months|years' or '- N days|months|years'");
    }
    Anchor anchor = m.group(1).equals("start") ? Anchor.PERIOD_START : Anchor.PERIOD_END;
    if (m.group(2) == null) {
      return new Bound(anchor, 0, Unit.DAYS);
    }
    int amount = Integer.parseInt(m.group(3)) * (m.group(2).equals("-") ? -1 : 1);
    String unitWord = m.group(4).toLowerCase(Locale.ROOT);
    Unit unit = unitWord.startsWith("day") ? Unit.DAYS : unitWord.startsWith("month") ? Unit.MONTHS : Unit.YEARS;
    return new Bound(anchor, amount, unit);
  }

  /** The day this bound falls on for a period; {@link LocalDate#MIN} for {@code ever}. */
  public LocalDate resolve(MeasurementPeriod period) {
    LocalDate base;
    switch (anchor) {
      case EVER:
        return LocalDate.MIN;
      case PERIOD_START:
        base = period.start();
        break;
      default:
        base = period.end();
    }
    switch (unit) {
      case DAYS:
        return base.plusDays(amount);
      case MONTHS:
        return base.plusMonths(amount);
      default:
        return base.plusYears(amount);
    }
  }

  /** An approximate position in days, for comparing bounds without a period (a year counts as 366 days). */
  long approximateDays(int periodLengthDays) {
    long base = anchor == Anchor.PERIOD_START ? 0 : periodLengthDays;
    long offset = unit == Unit.DAYS ? amount : unit == Unit.MONTHS ? amount * 31L : amount * 366L;
    return base + offset;
  }

  @JsonValue
  @Override
  public String toString() {
    if (anchor == Anchor.EVER) {
      return "ever";
    }
    String base = anchor == Anchor.PERIOD_START ? "period.start" : "period.end";
    if (amount == 0) {
      return base;
    }
    String unitWord = unit.name().toLowerCase(Locale.ROOT);
    if (Math.abs(amount) == 1) {
      unitWord = unitWord.substring(0, unitWord.length() - 1);
    }
    return base + (amount < 0 ? " - " : " + ") + Math.abs(amount) + " " + unitWord;
  }
}
