package org.klynge.core.data;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An account of every input row: for each source, how many were read, and how many were used,
 * excluded or rejected, by reason. {@code read = used + excluded + rejected} holds for every
 * source. The first rows of each reason are kept with their location as examples.
 *
 * <p>{@code exactDuplicates} counts, per event type, the event rows that repeat an earlier row of
 * the same patient exactly (or its {@code event_id}), whether they were excluded (counted once)
 * or used (counted each, as prescriptions are by default): see {@link DuplicatePolicy}.
 *
 * @param counts count of rows by source, then by {@link Line} (outcome and reason)
 * @param examples the first rejected or excluded rows of each reason, with locations
 * @param exactDuplicates per event type code, the rows that were an exact duplicate of an earlier
 *     one; types with none are left out
 */
public record Reconciliation(
    ImmutableSortedMap<String, ImmutableSortedMap<Line, Long>> counts, ImmutableList<Rejection> examples,
    ImmutableSortedMap<String, Long> exactDuplicates) implements java.io.Serializable {

  /** How many example rows of each reason are kept. */
  public static final int EXAMPLES_PER_REASON = 20;

  public Reconciliation {
    counts = ImmutableSortedMap.copyOfSorted(counts);
    examples = ImmutableList.copyOf(examples);
    exactDuplicates = ImmutableSortedMap.copyOfSorted(exactDuplicates);
  }

  /** An account without exact duplicates. */
  public Reconciliation(ImmutableSortedMap<String, ImmutableSortedMap<Line, Long>> counts,
      ImmutableList<Rejection> examples) {
    this(counts, examples, ImmutableSortedMap.of());
  }

  /** An outcome with its reason ({@code ""} for used rows). */
  public record Line(Outcome outcome, String reason) implements Comparable<Line>, java.io.Serializable {
    @Override
    public int compareTo(Line o) {
      int c = outcome.compareTo(o.outcome);
      return c != 0 ? c : reason.compareTo(o.reason);
    }

    @Override
    public String toString() {
      return outcome.name().toLowerCase(java.util.Locale.ROOT) + (reason.isEmpty() ? "" : ": " + reason);
    }
  }

  /** Rows read from {@code source}. */
  public long read(String source) {
    return counts.getOrDefault(source, ImmutableSortedMap.of()).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rows of {@code source} with {@code outcome}, over all reasons. */
  public long count(String source, Outcome outcome) {
    return counts.getOrDefault(source, ImmutableSortedMap.of()).entrySet().stream()
        .filter(e -> e.getKey().outcome() == outcome).mapToLong(Map.Entry::getValue).sum();
  }

  /** Rows with {@code outcome} over all sources. */
  public long total(Outcome outcome) {
    return counts.keySet().stream().mapToLong(s -> count(s, outcome)).sum();
  }

  /** Whether any row was rejected. */
  public boolean hasRejections() {
    return total(Outcome.REJECTED) > 0;
  }

  /**
   * This account with {@code moved} rows of {@code source} moved from used to excluded for
   * {@code reason}; used by evaluation to mark rows no definition looks at.
   */
  public Reconciliation exclude(String source, String reason, long moved) {
    if (moved == 0) {
      return this;
    }
    Map<String, ImmutableSortedMap<Line, Long>> copy = new TreeMap<>(counts);
    Map<Line, Long> lines = new TreeMap<>(copy.getOrDefault(source, ImmutableSortedMap.of()));
    Line used = new Line(Outcome.USED, "");
    long available = lines.getOrDefault(used, 0L);
    if (moved > available) {
      throw new IllegalStateException("cannot exclude " + moved + " rows of " + source + ": only " + available + " used");
    }
    lines.put(used, available - moved);
    lines.merge(new Line(Outcome.EXCLUDED, reason), moved, Long::sum);
    copy.put(source, ImmutableSortedMap.copyOf(lines));
    return new Reconciliation(ImmutableSortedMap.copyOf(copy), examples, exactDuplicates);
  }

  /**
   * This account and {@code other} together, as for two parts of one extract: counts and exact
   * duplicates added; examples this account's first, then the other's, up to
   * {@link #EXAMPLES_PER_REASON} of each reason.
   */
  public Reconciliation plus(Reconciliation other) {
    Map<String, Map<Line, Long>> sum = new TreeMap<>();
    for (var account : List.of(counts, other.counts)) {
      account.forEach((source, lines) -> lines.forEach((line, n) ->
          sum.computeIfAbsent(source, s -> new TreeMap<>()).merge(line, n, Long::sum)));
    }
    ImmutableSortedMap.Builder<String, ImmutableSortedMap<Line, Long>> merged = ImmutableSortedMap.naturalOrder();
    sum.forEach((source, lines) -> merged.put(source, ImmutableSortedMap.copyOf(lines)));
    Map<String, Integer> kept = new java.util.HashMap<>();
    ImmutableList.Builder<Rejection> keptExamples = ImmutableList.builder();
    for (Rejection r : com.google.common.collect.Iterables.concat(examples, other.examples)) {
      if (kept.merge(r.outcome() + r.reason(), 1, Integer::sum) <= EXAMPLES_PER_REASON) {
        keptExamples.add(r);
      }
    }
    Map<String, Long> duplicates = new TreeMap<>(exactDuplicates);
    other.exactDuplicates.forEach((type, n) -> duplicates.merge(type, n, Long::sum));
    return new Reconciliation(merged.build(), keptExamples.build(), ImmutableSortedMap.copyOf(duplicates));
  }

  /** A table, one line per source and outcome/reason, for people. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    counts.forEach((source, lines) -> {
      out.append(source).append(": read ").append(read(source))
          .append(" = used ").append(count(source, Outcome.USED))
          .append(" + excluded ").append(count(source, Outcome.EXCLUDED))
          .append(" + rejected ").append(count(source, Outcome.REJECTED)).append('\n');
      lines.forEach((line, n) -> {
        if (line.outcome() != Outcome.USED) {
          out.append("  ").append(line).append(": ").append(n).append('\n');
        }
      });
    });
    exactDuplicates.forEach((type, n) -> out.append("exact duplicates, ").append(type).append(": ").append(n)
        .append('\n'));
    if (!examples.isEmpty()) {
      out.append("examples:\n").append(examples.stream().map(r -> "  " + r).collect(Collectors.joining("\n"))).append('\n');
    }
    return out.toString();
  }
}
