package org.klynge.core.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.klynge.core.definition.And;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.PackageIndicator;
import org.klynge.core.definition.Populations;

/** Lists the nodes of documents with their paths: indicators, criteria, event look-ups. */
final class DefinitionWalker {

  private DefinitionWalker() {}

  /** Every indicator, top-level and inline in packages. */
  static List<Site<Indicator>> indicators(List<Document> documents) {
    List<Site<Indicator>> out = new ArrayList<>();
    for (Document doc : documents) {
      var set = doc.definitions();
      for (int i = 0; i < set.indicators().size(); i++) {
        out.add(new Site<>(doc.source(), "indicators[" + i + "]", set.indicators().get(i)));
      }
      for (int p = 0; p < set.packages().size(); p++) {
        ClusterPackage pkg = set.packages().get(p);
        for (int i = 0; i < pkg.indicators().size(); i++) {
          PackageIndicator pi = pkg.indicators().get(i);
          if (pi instanceof Indicator inline) {
            out.add(new Site<>(doc.source(), "packages[" + p + "].indicators[" + i + "]", inline));
          }
        }
      }
    }
    return out;
  }

  /** Every criterion node, nested ones included, in named populations and indicators. */
  static List<Site<Criterion>> criteria(List<Document> documents) {
    List<Site<Criterion>> out = new ArrayList<>();
    for (Site<Criterion> root : roots(documents)) {
      collect(root.source(), root.path(), root.node(), out);
    }
    return out;
  }

  /** The top criterion of every named population and of every population of every indicator, not descending. */
  static List<Site<Criterion>> roots(List<Document> documents) {
    List<Site<Criterion>> out = new ArrayList<>();
    for (Document doc : documents) {
      List<NamedPopulation> pops = doc.definitions().populations();
      for (int i = 0; i < pops.size(); i++) {
        out.add(new Site<>(doc.source(), "populations[" + i + "].criterion", pops.get(i).criterion()));
      }
    }
    for (Site<Indicator> site : indicators(documents)) {
      Populations p = site.node().populations();
      String base = site.path() + ".populations.";
      out.add(new Site<>(site.source(), base + "initial", p.initial()));
      root(site.source(), base + "denominator", p.denominator(), out);
      root(site.source(), base + "denominatorExclusion", p.denominatorExclusion(), out);
      root(site.source(), base + "denominatorException", p.denominatorException(), out);
      root(site.source(), base + "numerator", p.numerator(), out);
      root(site.source(), base + "numeratorExclusion", p.numeratorExclusion(), out);
    }
    return out;
  }

  /** Every look-up of events: event criteria and event-based scorings. */
  static List<Site<EventCriterion>> eventLookups(List<Document> documents) {
    List<Site<EventCriterion>> out = new ArrayList<>();
    for (Site<Criterion> site : criteria(documents)) {
      if (site.node() instanceof EventCriterion ec) {
        out.add(new Site<>(site.source(), site.path(), ec));
      }
    }
    for (Site<Indicator> site : indicators(documents)) {
      if (site.node().scoring() instanceof EventCriterion ec) {
        out.add(new Site<>(site.source(), site.path() + ".scoring", ec));
      }
    }
    return out;
  }

  private static void root(String source, String path, Optional<Criterion> criterion, List<Site<Criterion>> out) {
    criterion.ifPresent(c -> out.add(new Site<>(source, path, c)));
  }

  /** Adds {@code criterion} and every criterion below it, in pre-order, without recursion. */
  private static void collect(String source, String path, Criterion criterion, List<Site<Criterion>> out) {
    Deque<Site<Criterion>> pending = new ArrayDeque<>();
    pending.push(new Site<>(source, path, criterion));
    while (!pending.isEmpty()) {
      Site<Criterion> site = pending.pop();
      out.add(site);
      Criterion c = site.node();
      if (c instanceof And and) {
        for (int i = and.all().size() - 1; i >= 0; i--) {
          pending.push(new Site<>(source, site.path() + ".all[" + i + "]", and.all().get(i)));
        }
      } else if (c instanceof Or or) {
        for (int i = or.any().size() - 1; i >= 0; i--) {
          pending.push(new Site<>(source, site.path() + ".any[" + i + "]", or.any().get(i)));
        }
      } else if (c instanceof Not not) {
        pending.push(new Site<>(source, site.path() + ".criterion", not.criterion()));
      }
    }
  }
}
