package org.klynge.core.data;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts rows as they are read; not thread-safe (one per reader). */
public final class ReconciliationBuilder {

  private final Map<String, Map<Reconciliation.Line, long[]>> counts = new TreeMap<>();
  private final Map<String, Integer> examplesPerReason = new HashMap<>();
  private final List<Rejection> examples = new ArrayList<>();
  private static final Reconciliation.Line USED = new Reconciliation.Line(Outcome.USED, "");

  /** Counts one used row of {@code source}. */
  public void used(String source) {
    used(source, 1);
  }

  /** Counts {@code n} used rows of {@code source}. */
  public void used(String source, long n) {
    // rows come in long runs from one source: remember that source's counter
    if (source != lastSource) {
      lastCounter = counts.computeIfAbsent(source, s -> new TreeMap<>()).computeIfAbsent(USED, l -> new long[1]);
      lastSource = source;
    }
    lastCounter[0] += n;
  }

  private String lastSource;
  private long[] lastCounter;

  /** Takes back {@code n} rows counted as used, to count them otherwise. */
  void unuse(String source, long n) {
    used(source, -n);
  }

  /** Counts a rejected row and keeps it as an example if few of its reason are kept yet. */
  public void rejected(String reason, RowLocation where, String detail) {
    record(new Rejection(Outcome.REJECTED, reason, where, detail));
  }

  /** Counts an excluded row and keeps it as an example if few of its reason are kept yet. */
  public void excluded(String reason, RowLocation where, String detail) {
    record(new Rejection(Outcome.EXCLUDED, reason, where, detail));
  }

  private void record(Rejection r) {
    counts.computeIfAbsent(r.location().source(), s -> new TreeMap<>())
        .computeIfAbsent(new Reconciliation.Line(r.outcome(), r.reason()), l -> new long[1])[0]++;
    String key = r.outcome() + r.reason();
    int kept = examplesPerReason.merge(key, 1, Integer::sum);
    if (kept <= Reconciliation.EXAMPLES_PER_REASON) {
      examples.add(r);
    }
  }

  private final Map<String, Long> exactDuplicates = new TreeMap<>();

  /** Counts an event row of {@code typeCode} that repeats an earlier one exactly (used or excluded). */
  void exactDuplicate(String typeCode) {
    exactDuplicates.merge(typeCode, 1L, Long::sum);
  }

  /** Whether any row was rejected so far. */
  public boolean hasRejections() {
    return counts.values().stream().flatMap(m -> m.keySet().stream()).anyMatch(l -> l.outcome() == Outcome.REJECTED);
  }

  /** The account so far. */
  public Reconciliation build() {
    ImmutableSortedMap.Builder<String, ImmutableSortedMap<Reconciliation.Line, Long>> out = ImmutableSortedMap.naturalOrder();
    counts.forEach((source, lines) -> {
      ImmutableSortedMap.Builder<Reconciliation.Line, Long> l = ImmutableSortedMap.naturalOrder();
      lines.forEach((line, n) -> l.put(line, n[0]));
      out.put(source, l.build());
    });
    return new Reconciliation(out.build(), ImmutableList.copyOf(examples), ImmutableSortedMap.copyOf(exactDuplicates));
  }
}
