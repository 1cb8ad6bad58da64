package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.klynge.core.data.PatientData;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.CriterionText;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.SexIs;
import org.klynge.core.result.Population;
import org.klynge.core.result.Trace;

/**
 * Traces criteria for one patient and period with the same compiled nodes the engine counts
 * with, so an explanation can never disagree with a result.
 */
final class Explainer {
  private final Program program;
  private final EvalContext context;
  private final int patient;
  private final PopulationLogic populations = new PopulationLogic();

  Explainer(Program program, int patient, int period) {
    this.program = program;
    this.patient = patient;
    this.context = program.newContext();
    context.startBlock(patient, patient + 1);
    context.startPeriod(period);
  }

  /** The populations the patient is in for the indicator. */
  EnumSet<Population> populations(Program.CompiledIndicator ind) {
    populations.classify(ind, context, context.all);
    EnumSet<Population> out = EnumSet.noneOf(Population.class);
    addIf(out, populations.initial, Population.INITIAL);
    addIf(out, populations.denominator, Population.DENOMINATOR);
    addIf(out, populations.denominatorExclusion, Population.DENOMINATOR_EXCLUSION);
    addIf(out, populations.denominatorException, Population.DENOMINATOR_EXCEPTION);
    addIf(out, populations.numerator, Population.NUMERATOR);
    addIf(out, populations.numeratorExclusion, Population.NUMERATOR_EXCLUSION);
    return out;
  }

  private static void addIf(EnumSet<Population> out, long members, Population population) {
    if (members != 0) {
      out.add(population);
    }
  }

  /** Whether the patient is counted (in the denominator after exclusions and exceptions). */
  boolean counted(Program.CompiledIndicator ind) {
    populations.classify(ind, context, context.all);
    return populations.counted != 0;
  }

  /** A trace per population criterion the indicator defines. */
  Map<Population, Trace> traces(Program.CompiledIndicator ind) {
    var pops = ind.indicator().populations();
    Map<Population, Trace> out = new LinkedHashMap<>();
    out.put(Population.INITIAL, trace(pops.initial()));
    pops.denominator().ifPresent(c -> out.put(Population.DENOMINATOR, trace(c)));
    pops.denominatorExclusion().ifPresent(c -> out.put(Population.DENOMINATOR_EXCLUSION, trace(c)));
    pops.denominatorException().ifPresent(c -> out.put(Population.DENOMINATOR_EXCEPTION, trace(c)));
    pops.numerator().ifPresent(c -> out.put(Population.NUMERATOR, trace(c)));
    pops.numeratorExclusion().ifPresent(c -> out.put(Population.NUMERATOR_EXCLUSION, trace(c)));
    return out;
  }

  Trace trace(Criterion c) {
    boolean result = program.node(c).test(context, 0);
    List<Trace> children = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    if (c instanceof And and) {
      and.all().forEach(x -> children.add(trace(x)));
    } else if (c instanceof Or or) {
      or.any().forEach(x -> children.add(trace(x)));
    } else if (c instanceof Not not) {
      children.add(trace(not.criterion()));
    } else if (c instanceof PopulationRef ref) {
      program.definitions().population(ref.id()).ifPresent(p -> children.add(trace(p.criterion())));
    } else if (c instanceof EventCriterion ec) {
      evidence.addAll(events(ec));
    } else if (c instanceof AgeInRange || c instanceof SexIs) {
      PatientData d = program.data;
      evidence.add("born " + PatientData.date(d.birthDay(patient)) + ", sex " + d.sex(patient).code());
    } else if (c instanceof Listed) {
      evidence.addAll(listings());
    }
    return new Trace(CriterionText.describe(c), result, ImmutableList.copyOf(evidence), ImmutableList.copyOf(children));
  }

  private List<String> events(EventCriterion ec) {
    EventLookup lookup = program.lookup(ec);
    PatientData d = program.data;
    List<String> out = new ArrayList<>();
    int to = lookup.toDay[context.period];
    for (int e = lookup.scanFrom(d, patient, context.period), end = d.eventEnd(patient);
        e < end && d.eventDay(e) <= to; e++) {
      if (lookup.counts(d, e, context.period)) {
        out.add(describeEvent(d, e));
      }
    }
    if (out.isEmpty()) {
      out.add("no matching " + ec.event().code() + " between " + day(lookup.fromDay[context.period]) + " and "
          + day(to));
    }
    return out;
  }

  /** An event in words: type, code, dates, value, coded result and status. */
  private static String describeEvent(PatientData d, int e) {
    var entry = d.codes().entry(d.eventCode(e));
    StringBuilder s = new StringBuilder();
    s.append(entry.type().code()).append(' ').append(entry.code()).append(' ').append(PatientData.date(d.eventDay(e)));
    int last = d.eventEndDay(e);
    if (last == PatientData.NO_DATE) {
      s.append(" (ongoing)");
    } else if (last != d.eventDay(e)) {
      s.append("..").append(PatientData.date(last));
    }
    if (!Double.isNaN(d.eventValue(e))) {
      s.append(' ').append(d.eventValue(e));
      if (d.eventUnit(e) >= 0) {
        s.append(' ').append(d.units().get(d.eventUnit(e)));
      }
    }
    if (d.eventValueCode(e) >= 0) {
      s.append(" result ").append(d.valueCodes().entry(d.eventValueCode(e)).code());
    }
    d.eventStatus(e).ifPresent(status -> s.append(" (").append(status.code()).append(')'));
    return s.toString();
  }

  private List<String> listings() {
    PatientData d = program.data;
    int p = patient;
    List<String> out = new ArrayList<>();
    for (int l = d.listingStart(p); l < d.listingEnd(p); l++) {
      out.add("listed with " + d.clinicId(d.listingClinic(l)) + " " + day(d.listingFrom(l)) + ".."
          + (d.listingTo(l) == PatientData.NO_DATE ? "" : day(d.listingTo(l))));
    }
    if (d.deathDay(p) != PatientData.NO_DATE) {
      out.add("died " + day(d.deathDay(p)));
    }
    if (out.isEmpty()) {
      out.add("no listings");
    }
    return out;
  }

  private static String day(int day) {
    return day == Integer.MIN_VALUE ? "the earliest data" : LocalDate.ofEpochDay(day).toString();
  }

  Optional<String> clinic() {
    int c = program.data.clinicOn(patient, context.referenceDay());
    return c < 0 ? Optional.empty() : Optional.of(program.data.clinicId(c));
  }

}
