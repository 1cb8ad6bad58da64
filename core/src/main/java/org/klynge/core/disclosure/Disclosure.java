package org.klynge.core.disclosure;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Applies disclosure control for one viewer.
 *
 * <ol>
 *   <li><b>Audience.</b> REGION and PUBLIC see cluster level and above only; CLINIC and CLUSTER see
 *       clinics too, other clinics under pseudonyms (stable within a table, ordered by an HMAC of
 *       the clinic id under the caller's key, so the order says nothing about identity).
 *   <li><b>Small numbers.</b> A cell whose numerator or denominator is at least 1 and below the
 *       audience's threshold is suppressed (numerator, denominator and value together). The viewer's
 *       own clinic is never suppressed: the viewer knows it.
 *   <li><b>Complementary suppression.</b> Every additive relation "total = Σ parts" among published
 *       cells is a group: a parent and its children; with rest-of-parent rows also "parent = clinic +
 *       rest" and "rest = the other clinics". While some group has exactly one hidden member, the
 *       smallest visible part (by numerator, then denominator) that is not the viewer's own is
 *       hidden too, else the total. Repeat until no group changes. The viewer's own clinic counts as
 *       known.
 *   <li><b>Rounding.</b> With a rounding base, shown counts are rounded to the nearest multiple
 *       (half up); values come from the unrounded counts.
 * </ol>
 *
 * <p>Example, threshold 5, cluster C with clinics A 3/40, B 20/60, D 30/90 (cluster 53/190), viewed
 * by the cluster: A is suppressed (3 &lt; 5); the group {C; A, B, D} then has one hidden member, so
 * B, the smallest other clinic, is suppressed too; C and D are shown.
 */
public final class Disclosure {
  private Disclosure() {}

  /**
   * Publishes {@code rows} to {@code viewer}.
   *
   * @param rows the unrounded results; parent rows carry the totals of their children
   * @param viewer who looks
   * @param policy thresholds and rounding
   * @param includeRestOfParent whether each clinic is followed by a "rest of its cluster" row
   * @param restValue how the value of a rest row is computed from its counts
   * @param pseudonymKey secret key for the pseudonym order (keep it out of the published table)
   */
  public static DisclosedTable apply(
      List<InputRow> rows,
      Viewer viewer,
      DisclosurePolicy policy,
      boolean includeRestOfParent,
      ValueFormula restValue,
      String pseudonymKey) {
    int threshold = policy.threshold(viewer.audience());
    Map<String, InputRow> byId = new HashMap<>();
    for (InputRow r : rows) {
      if (byId.put(r.unitId(), r) != null) {
        throw new IllegalArgumentException("unit " + r.unitId() + " occurs twice");
      }
    }
    viewer.ownClinic().ifPresent(own -> {
      if (!byId.containsKey(own)) {
        throw new IllegalArgumentException("the viewer's own clinic " + own + " is not in the table");
      }
    });

    List<Node> nodes = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    boolean showsClinics = viewer.audience().showsClinics();
    Map<String, Set<String>> contributors = contributors(rows, byId);
    for (InputRow r : rows) {
      if (r.level() == Level.CLINIC && !showsClinics) {
        continue;
      }
      boolean own = viewer.ownClinic().map(r.unitId()::equals).orElse(false)
          || onlyOwn(contributors.get(r.unitId()), viewer);
      index.put(r.unitId(), nodes.size());
      nodes.add(new Node(r, CellKind.UNIT, r.numerator(), r.denominator(), own, -1));
      if (includeRestOfParent && r.level() == Level.CLINIC && r.parentId().map(byId::containsKey).orElse(false)) {
        InputRow parent = byId.get(r.parentId().get());
        long x = parent.numerator() - r.numerator();
        long n = parent.denominator() - r.denominator();
        if (x < 0 || n < 0) {
          throw new IllegalArgumentException(
              "unit " + r.unitId() + " has larger counts than its parent " + parent.unitId());
        }
        Set<String> others = new HashSet<>(contributors.get(parent.unitId()));
        others.remove(r.unitId());
        // A rest with no other clinics is 0 by structure; one with only the viewer's clinic is known.
        boolean known = others.isEmpty() || onlyOwn(others, viewer);
        nodes.add(new Node(r, CellKind.REST_OF_PARENT, x, n, known, nodes.size() - 1));
      }
    }

    List<Group> groups = groups(nodes, index);
    for (Node node : nodes) {
      if (!node.own && (small(node.numerator, threshold) || small(node.denominator, threshold))) {
        node.reason = SuppressionReason.SMALL_COUNT;
      }
    }
    protect(nodes, groups, index);

    Map<String, String> labels = labels(rows, viewer, pseudonymKey);
    List<Cell> cells = new ArrayList<>();
    for (Node node : nodes) {
      cells.add(cell(node, labels, viewer, policy, restValue));
    }
    return new DisclosedTable(viewer, threshold, cells);
  }

  /** As {@link #apply} with percentages for rest rows. */
  public static DisclosedTable apply(
      List<InputRow> rows, Viewer viewer, DisclosurePolicy policy, boolean includeRestOfParent, String pseudonymKey) {
    return apply(rows, viewer, policy, includeRestOfParent, ValueFormula.PERCENT, pseudonymKey);
  }

  /** The clinics under each unit (a clinic is under itself). */
  private static Map<String, Set<String>> contributors(List<InputRow> rows, Map<String, InputRow> byId) {
    Map<String, Set<String>> out = new HashMap<>();
    for (InputRow r : rows) {
      out.computeIfAbsent(r.unitId(), k -> new HashSet<>());
      if (r.level() != Level.CLINIC) {
        continue;
      }
      out.get(r.unitId()).add(r.unitId());
      Set<String> seen = new HashSet<>();
      Optional<String> p = r.parentId();
      while (p.isPresent() && byId.containsKey(p.get()) && seen.add(p.get())) {
        out.computeIfAbsent(p.get(), k -> new HashSet<>()).add(r.unitId());
        p = byId.get(p.get()).parentId();
      }
    }
    return out;
  }

  /** Whether a cell holds the viewer's own clinic and no other: the viewer knows it. */
  private static boolean onlyOwn(Set<String> clinics, Viewer viewer) {
    return viewer.ownClinic().isPresent() && clinics.equals(Set.of(viewer.ownClinic().get()));
  }

  /** Whether {@code 1 ≤ count < threshold}. Zero is shown: it identifies nobody. */
  static boolean small(long count, int threshold) {
    return count > 0 && count < threshold;
  }

  private static final class Node {
    final InputRow row;
    final CellKind kind;
    final long numerator;
    final long denominator;
    final boolean own;
    final int clinicNode;
    SuppressionReason reason = SuppressionReason.NONE;

    Node(InputRow row, CellKind kind, long numerator, long denominator, boolean own, int clinicNode) {
      this.row = row;
      this.kind = kind;
      this.numerator = numerator;
      this.denominator = denominator;
      this.own = own;
      this.clinicNode = clinicNode;
    }

    boolean hidden() {
      return reason != SuppressionReason.NONE;
    }
  }

  private record Group(int total, List<Integer> parts) {}

  /**
   * Rules for a rest row {@code R = P − C}: C hidden ⇒ R hidden; R hidden and P shown ⇒ C hidden
   * (P if C is the viewer's own clinic); P
   * hidden ⇒ R hidden (otherwise the published rests and clinics would give P back, e.g. Σ Rᵢ = (k −
   * 1)·P).
   */
  private static boolean link(List<Node> nodes, Map<String, Integer> index) {
    boolean changed = false;
    for (Node rest : nodes) {
      if (rest.kind != CellKind.REST_OF_PARENT) {
        continue;
      }
      Node clinic = nodes.get(rest.clinicNode);
      Node parent = nodes.get(index.get(clinic.row.parentId().orElseThrow()));
      if (!rest.hidden() && (clinic.hidden() || parent.hidden())) {
        rest.reason = SuppressionReason.COMPLEMENTARY;
        changed = true;
      }
      if (rest.hidden() && !parent.hidden() && !clinic.hidden()) {
        // The viewer knows their own clinic, so then only hiding the parent protects the rest.
        (clinic.own ? parent : clinic).reason = SuppressionReason.COMPLEMENTARY;
        changed = true;
      }
    }
    return changed;
  }

  private static List<Group> groups(List<Node> nodes, Map<String, Integer> index) {
    Map<Integer, List<Integer>> children = new HashMap<>();
    Map<Integer, List<Integer>> restOfChild = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (node.kind == CellKind.REST_OF_PARENT) {
        restOfChild.put(node.clinicNode, List.of(i));
        continue;
      }
      Optional<Integer> parent = node.row.parentId().map(index::get);
      if (parent.isPresent()) {
        children.computeIfAbsent(parent.get(), k -> new ArrayList<>()).add(i);
      }
    }
    List<Group> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : children.entrySet()) {
      int parent = e.getKey();
      List<Integer> kids = e.getValue();
      out.add(new Group(parent, kids));
      for (int kid : kids) {
        List<Integer> rest = restOfChild.get(kid);
        if (rest == null) {
          continue;
        }
        int restNode = rest.get(0);
        List<Integer> others = new ArrayList<>(kids);
        others.remove(Integer.valueOf(kid));
        out.add(new Group(restNode, others));
      }
    }
    return out;
  }

  private static void protect(List<Node> nodes, List<Group> groups, Map<String, Integer> index) {
    boolean changed = true;
    while (changed) {
      changed = link(nodes, index);
      for (Group g : groups) {
        List<Integer> members = new ArrayList<>(g.parts());
        members.add(g.total());
        long hidden = members.stream().filter(i -> nodes.get(i).hidden()).count();
        if (hidden != 1) {
          continue;
        }
        Optional<Integer> pick = g.parts().stream()
            .filter(i -> !nodes.get(i).hidden() && !nodes.get(i).own)
            .min(Comparator.<Integer>comparingLong(i -> nodes.get(i).numerator)
                .thenComparingLong(i -> nodes.get(i).denominator)
                .thenComparingInt(i -> i));
        if (pick.isEmpty() && !nodes.get(g.total()).hidden() && !nodes.get(g.total()).own) {
          pick = Optional.of(g.total());
        }
        if (pick.isPresent()) {
          nodes.get(pick.get()).reason = SuppressionReason.COMPLEMENTARY;
          changed = true;
        }
      }
    }
  }

  private static Map<String, String> labels(List<InputRow> rows, Viewer viewer, String key) {
    Map<String, String> labels = new HashMap<>();
    boolean pseudonymise = viewer.audience().showsClinics();
    HashFunction hmac = Hashing.hmacSha256(key.getBytes(StandardCharsets.UTF_8));
    Map<String, List<InputRow>> clinicsByParent = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (InputRow r : rows) {
      labels.put(r.unitId(), r.unitId());
      if (pseudonymise && r.level() == Level.CLINIC && seen.add(r.unitId())
          && !viewer.ownClinic().map(r.unitId()::equals).orElse(false)) {
        clinicsByParent.computeIfAbsent(r.parentId().orElse(""), k -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<String, List<InputRow>> e : clinicsByParent.entrySet()) {
      List<InputRow> clinics = e.getValue();
      clinics.sort(Comparator.comparing(
          (InputRow r) -> hmac.hashString(r.unitId(), StandardCharsets.UTF_8).toString()));
      String prefix = e.getKey().isEmpty() ? "" : e.getKey() + "-";
      for (int i = 0; i < clinics.size(); i++) {
        labels.put(clinics.get(i).unitId(), prefix + String.format("P%02d", i + 1));
      }
    }
    return labels;
  }

  private static Cell cell(
      Node node, Map<String, String> labels, Viewer viewer, DisclosurePolicy policy, ValueFormula restValue) {
    InputRow r = node.row;
    String label = labels.get(r.unitId());
    boolean identifiable = r.level() != Level.CLINIC || label.equals(r.unitId());
    Optional<String> unitId = node.kind == CellKind.UNIT && identifiable ? Optional.of(r.unitId()) : Optional.empty();
    if (node.kind == CellKind.REST_OF_PARENT) {
      label = "rest of " + r.parentId().orElseThrow() + " excluding " + label;
    }
    if (node.hidden()) {
      return new Cell(node.kind, label, unitId, r.parentId(), r.level(), PublishedCount.suppressed(),
          PublishedCount.suppressed(), new PublishedValue(Status.SUPPRESSED, OptionalDouble.empty()), node.reason);
    }
    OptionalDouble value = node.kind == CellKind.UNIT
        ? r.value()
        : node.denominator > 0 ? OptionalDouble.of(restValue.apply(node.numerator, node.denominator)) : OptionalDouble.empty();
    PublishedValue published = value.isPresent()
        ? new PublishedValue(Status.SHOWN, value)
        : new PublishedValue(Status.NOT_AVAILABLE, OptionalDouble.empty());
    return new Cell(node.kind, label, unitId, r.parentId(), r.level(), count(node.numerator, policy),
        count(node.denominator, policy), published, SuppressionReason.NONE);
  }

  private static PublishedCount count(long count, DisclosurePolicy policy) {
    if (policy.roundingBase().isEmpty()) {
      return new PublishedCount(Status.SHOWN, OptionalLong.of(count));
    }
    int base = policy.roundingBase().getAsInt();
    return new PublishedCount(Status.ROUNDED, OptionalLong.of(roundToBase(count, base)));
  }

  /** The nearest multiple of {@code base}, halves rounded up. Example: 7 → 5, 8 → 10 for base 5. */
  public static long roundToBase(long count, int base) {
    return Math.floorDiv(count + base / 2, base) * base;
  }
}
