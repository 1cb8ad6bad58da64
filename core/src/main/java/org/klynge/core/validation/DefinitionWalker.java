package org.klynge.core.validation;

import java.util.ArrayList;
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
    for (Document doc : documents) {
      List<NamedPopulation> pops = doc.definitions().populations();
      for (int i = 0; i < pops.size(); i++) {
        collect(doc.source(), "populations[" + i + "].criterion", pops.get(i).criterion(), out);
      }
    }
    for (Site<Indicator> site : indicators(documents)) {
      Populations p = site.node().populations();
      String base = site.path() + ".populations.";
      collect(site.source(), base + "initial", p.initial(), out);
      collect(site.source(), base + "denominator", p.denominator(), out);
      collect(site.source(), base + "denominatorExclusion", p.denominatorExclusion(), out);
      collect(site.source(), base + "denominatorException", p.denominatorException(), out);
      collect(site.source(), base + "numerator", p.numerator(), out);
      collect(site.source(), base + "numeratorExclusion", p.numeratorExclusion(), out);
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

  private static void collect(String source, String path, Optional<Criterion> criterion, List<Site<Criterion>> out) {
    criterion.ifPresent(c -> collect(source, path, c, out));
  }

  private static void collect(String source, String path, Criterion criterion, List<Site<Criterion>> out) {
    out.add(new Site<>(source, path, criterion));
    if (criterion instanceof And and) {
      for (int i = 0; i < and.all().size(); i++) {
        collect(source, path + ".all[" + i + "]", and.all().get(i), out);
      }
    } else if (criterion instanceof Or or) {
      for (int i = 0; i < or.any().size(); i++) {
        collect(source, path + ".any[" + i + "]", or.any().get(i), out);
      }
    } else if (criterion instanceof Not not) {
      collect(source, path + ".criterion", not.criterion(), out);
    }
  }
}
