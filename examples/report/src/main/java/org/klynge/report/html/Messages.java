package org.klynge.report.html;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * The report's fixed texts and number and date formats in one language: a {@link ResourceBundle}
 * ({@code messages.properties} for English, {@code messages_da.properties} for Danish, both UTF-8)
 * read without falling back to the machine's default language, and the language's own number
 * and date formats (Danish: {@code 18.871}, {@code 89,1}, {@code 16. apr. 2024}). Sentences are
 * whole patterns with numbered arguments, never glued together from pieces.
 */
public final class Messages {

  private static final String BUNDLE = "org.klynge.report.html.messages";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final DateTimeFormatter date;
  private final DateTimeFormatter month;

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.date = DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
    this.month = DateTimeFormatter.ofPattern(bundle.getString("format.month"), locale);
  }

  /** The messages for {@code locale}: Danish for {@code da}, English otherwise. */
  public static Messages of(Locale locale) {
    return new Messages(locale);
  }

  /** The language's tag for {@code <html lang>}: {@code da} or {@code en}. */
  public String language() {
    return bundle.getString("language");
  }

  /** The locale the numbers and dates are formatted in. */
  public Locale locale() {
    return locale;
  }

  /** The text under {@code key}, its arguments (already formatted strings or whole numbers) put in place. */
  public String text(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no report text '" + key + "' for " + locale, e);
    }
    return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
  }

  /** A number with exactly {@code decimals} decimals and the language's grouping: {@code 18.871,0}. */
  public String number(double v, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    String s = f.format(v);
    // no "-0,0"
    return s.matches("[-\u2212][0.,]+") ? s.substring(1) : s;
  }

  /** A whole number with the language's grouping: {@code 18.871}. */
  public String count(double n) {
    return NumberFormat.getIntegerInstance(locale).format(Math.round(n));
  }

  /** A date: {@code 16. apr. 2024} or {@code 16 Apr 2024}. */
  public String date(LocalDate d) {
    return date.format(d);
  }

  /** A month: {@code apr. 2024} or {@code Apr 2024}. */
  public String month(YearMonth m) {
    return month.format(m);
  }

  /** A period from its first to its last day: {@code 1. jan. 2024–31. dec. 2024}. */
  public String range(MeasurementPeriod p) {
    return text("format.range", date(p.start()), date(p.end()));
  }

  /** A period as briefly as it can be said: a month, a year, or a range of months. */
  public String period(MeasurementPeriod p) {
    YearMonth first = YearMonth.from(p.start());
    YearMonth last = YearMonth.from(p.end());
    boolean whole = p.start().getDayOfMonth() == 1 && p.end().equals(last.atEndOfMonth());
    if (!whole) {
      return range(p);
    }
    if (first.equals(last)) {
      return month(first);
    }
    if (first.getMonthValue() == 1 && last.getMonthValue() == 12 && first.getYear() == last.getYear()) {
      return String.valueOf(first.getYear());
    }
    return text("format.range", month(first), month(last));
  }
}
