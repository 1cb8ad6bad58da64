package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.Range;
import org.klynge.core.disclosure.SuppressionReason;

/**
 * The data owner's account of one publication's disclosure control: every hidden count with its
 * true value, why it is hidden, and (for primary cells) the range an outsider can derive. It holds
 * real unit ids and unrounded counts, so it is never part of a published table or file.
 *
 * @param cells the distinct counts in the publication (all audiences, all indicators and periods)
 * @param primary cells hidden as small counts or small complements
 * @param complementary cells hidden to protect them
 * @param linearPrograms linear programs solved to decide
 * @param unprotected protection targets that nothing more could protect (0 unless the relations
 *     themselves give a count away)
 * @param unverified complements whose own width was not checked (their component was too large to
 *     solve exactly); they are no small counts, and {@code klynge audit} checks them from the files
 * @param seconds the time disclosure control took
 * @param hidden the hidden counts
 */
public record DisclosureAudit(
    int cells, int primary, int complementary, long linearPrograms, int unprotected, int unverified, double seconds,
    ImmutableList<HiddenCount> hidden) {

  public DisclosureAudit {
    hidden = ImmutableList.copyOf(hidden);
  }

  /**
   * One hidden count, described by the first row that publishes it.
   *
   * @param indicatorId the indicator of that row
   * @param level the row's level
   * @param unitId the unit's real id
   * @param period the period
   * @param count {@code numerator} or {@code denominator}
   * @param value the true count
   * @param reason why it is hidden
   * @param range for a primary cell, what an outsider can derive for it
   * @param rows how many published rows show this count
   */
  public record HiddenCount(
      String indicatorId, Level level, String unitId, MeasurementPeriod period, String count, long value,
      SuppressionReason reason, Optional<Range> range, int rows) {
    public HiddenCount {
      requireNonNull(indicatorId, "indicatorId");
      requireNonNull(level, "level");
      requireNonNull(unitId, "unitId");
      requireNonNull(period, "period");
      requireNonNull(count, "count");
      requireNonNull(reason, "reason");
      range = range == null ? Optional.empty() : range;
    }
  }

  /** The hidden counts for {@code reason}. */
  public List<HiddenCount> hidden(SuppressionReason reason) {
    return hidden.stream().filter(h -> h.reason() == reason).toList();
  }
}
