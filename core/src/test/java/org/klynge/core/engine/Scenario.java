package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Attribution;
import org.klynge.core.definition.Bound;
import org.klynge.core.definition.CodedValue;
import org.klynge.core.definition.Comparator;
import org.klynge.core.definition.CompletenessRequirement;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.Covered;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.EventCount;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.HasEvent;
import org.klynge.core.definition.HasResult;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Missing;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.Pick;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;
import org.klynge.core.definition.Relation;
import org.klynge.core.definition.Scoring;
import org.klynge.core.definition.SexIs;
import org.klynge.core.definition.Tie;
import org.klynge.core.definition.ValueCompared;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.definition.Window;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Diagnosis;
import org.klynge.core.model.Episode;
import org.klynge.core.model.Event;
import org.klynge.core.model.EventAttributes;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;
import org.klynge.core.model.LabMeasurement;
import org.klynge.core.model.Listing;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Prescription;
import org.klynge.core.model.QuestionnaireAnswer;
import org.klynge.core.model.Region;
import org.klynge.core.model.Service;
import org.klynge.core.model.Sex;

/**
 * A random but valid world for property tests, generated from a seed "backwards from valid
 * shapes": a small organisation whose clinics may change cluster mid-year, patients who move
 * clinic or die, events near period edges with duplicates and mixed units, events that last
 * (supply periods, stays, diagnoses with and without an end), statuses and coded results, and
 * indicators built from every criterion and scoring kind over a few value sets.
 */
record Scenario(
    Organisation organisation,
    List<Patient> patients,
    List<Listing> listings,
    List<RecordedEvent> events,
    DefinitionSet definitions,
    List<MeasurementPeriod> periods) {

  static final LocalDate ORIGIN = LocalDate.of(2000, 1, 1);
  /** A code system the definitions declare, matched by prefix. */
  static final CodeSystem READ2 = new CodeSystem("read2", "Read codes, version 2", CodeSystem.Hierarchy.PREFIX);

  static Scenario generate(long seed) {
    Random r = new Random(seed);
    // organisation
    var org = Organisation.builder()
        .region(new Region("r1", "North"))
        .region(new Region("r2", "South"));
    int clusters = 2 + r.nextInt(3);
    for (int k = 0; k < clusters; k++) {
      org.cluster(Cluster.of("k" + k, "Cluster " + k));
      if (k > 0 || r.nextBoolean()) {
        org.clusterInRegion("k" + k, "r" + (1 + k % 2), DateRange.startingAt(ORIGIN));
      }
    }
    int clinics = 3 + r.nextInt(5);
    for (int c = 0; c < clinics; c++) {
      String id = "c" + c;
      org.clinic(new Clinic(id, "Clinic " + c, "10" + c));
      int mode = r.nextInt(6);
      String first = "k" + r.nextInt(clusters);
      if (mode == 0) {
        continue; // outside every cluster
      }
      if (mode == 1) { // moves cluster mid-2024
        LocalDate move = LocalDate.of(2024, 1 + r.nextInt(12), 1);
        org.clinicInCluster(id, first, DateRange.of(ORIGIN, move.minusDays(1)));
        org.clinicInCluster(id, "k" + r.nextInt(clusters), DateRange.startingAt(move));
      } else {
        org.clinicInCluster(id, first, DateRange.startingAt(ORIGIN));
      }
    }
    // patients, listings, events
    List<Patient> patients = new ArrayList<>();
    List<Listing> listings = new ArrayList<>();
    List<RecordedEvent> events = new ArrayList<>();
    int n = r.nextInt(4) == 0 ? 60 + r.nextInt(150) : 5 + r.nextInt(40); // some span several blocks of 64
    for (int i = 0; i < n; i++) {
      String id = "p" + i;
      int born = r.nextInt(10);
      LocalDate birth = born == 0 ? LocalDate.of(1960 + 4 * r.nextInt(12), 2, 29)
          : born == 1 ? edgeDate(r).minusYears(r.nextInt(90)) // a birthday on or next to a reference date, or after it
          : LocalDate.of(1930 + r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28));
      Optional<LocalDate> death = r.nextInt(8) == 0 ? Optional.of(date(r, 2023, 2025)) : Optional.empty();
      if (death.isPresent() && death.get().isBefore(birth)) {
        death = Optional.empty();
      }
      // mostly F and M, some O (other) and U (unknown)
      Sex sex = Sex.values()[r.nextInt(10) < 8 ? r.nextInt(2) : 2 + r.nextInt(2)];
      patients.add(new Patient(id, sex, birth, death));
      int nListings = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
      LocalDate from = r.nextBoolean() ? birth : date(r, 2022, 2024);
      for (int l = 0; l < nListings; l++) {
        boolean last = l == nListings - 1;
        LocalDate to = last && r.nextBoolean() ? null : from.plusDays(r.nextInt(700));
        listings.add(new Listing(id, "c" + r.nextInt(clinics),
            to == null ? DateRange.startingAt(from) : DateRange.of(from, to)));
        if (to == null) {
          break;
        }
        from = to.plusDays(1 + (r.nextInt(4) == 0 ? r.nextInt(60) : 0));
      }
      int nEvents = r.nextInt(12);
      for (int e = 0; e < nEvents; e++) {
        LocalDate d = r.nextInt(5) == 0 ? edgeDate(r) : date(r, 2021, 2025);
        if (d.isBefore(birth)) {
          continue;
        }
        RecordedEvent ev = randomEvent(r, id, d);
        events.add(ev);
        if (r.nextInt(15) == 0) {
          events.add(ev); // exact duplicate: one event, or two for prescriptions
        }
        if ((ev.event() instanceof LabMeasurement || ev.event() instanceof QuestionnaireAnswer) && r.nextInt(4) == 0) {
          events.add(randomEvent(r, id, d)); // another event on the same day: ties
        }
      }
    }
    // definitions
    List<ValueSet> valueSets = List.of(
        new ValueSet("diab", "diabetes", ImmutableMap.of(CodeSystem.ICPC2.id(), ImmutableList.of("T90"),
            CodeSystem.ICD10.id(), ImmutableList.of("DE11"), READ2.id(), ImmutableList.of("C10"),
            CodeSystem.SNOMED.id(), ImmutableList.of("44054006")), ImmutableMap.of()),
        new ValueSet("resp", "respiratory", ImmutableMap.of(CodeSystem.ICPC2.id(), ImmutableList.of("R")),
            ImmutableMap.of(CodeSystem.ICPC2.id(), ImmutableList.of("R74"))),
        ValueSet.of("hba1c", CodeSystem.NPU, "NPU27300"),
        ValueSet.of("abx", CodeSystem.ATC, "J01"),
        ValueSet.of("uti", CodeSystem.ATC, "J01CA08", "J01EB02", "J01XE01"),
        ValueSet.of("control", CodeSystem.FEE, "0120"),
        ValueSet.of("smoking", CodeSystem.QUESTIONNAIRE, "lifestyle/smoking"),
        ValueSet.of("stays", CodeSystem.SKS, "NHS"),
        ValueSet.of("smoker", CodeSystem.SNOMED, "77176002", "65568007"));
    List<NamedPopulation> pops = List.of(
        new NamedPopulation("adults", "adults", And.of(Listed.atReferenceDate(), AgeInRange.atLeast(18))),
        new NamedPopulation("diabetics", "diabetics",
            And.of(new PopulationRef("adults"), new HasEvent(EventType.DIAGNOSIS, "diab", Window.of("ever", "period.end")))));
    List<Indicator> indicators = new ArrayList<>();
    int nInd = 1 + r.nextInt(4);
    for (int i = 0; i < nInd; i++) {
      indicators.add(randomIndicator(r, "ind" + i));
    }
    var defs = new DefinitionSet(1, ImmutableList.of(READ2), ImmutableList.copyOf(valueSets), ImmutableList.copyOf(pops),
        ImmutableList.copyOf(indicators), ImmutableList.of());
    Granularity g = Granularity.values()[r.nextInt(Granularity.values().length)];
    List<MeasurementPeriod> periods = g.periods(MeasurementPeriod.year(2024));
    if (periods.size() > 4) {
      periods = periods.subList(0, 4);
    }
    return new Scenario(org.build(), patients, listings, events, defs, periods);
  }

  Extract extract() {
    ExtractBuilder b = ExtractBuilder.create(organisation, definitions.declaredSystems());
    patients.forEach(b::patient);
    listings.forEach(b::listing);
    events.forEach(e -> b.event(e.event(), e.attributes()));
    return b.build();
  }

  private static final EventStatus[] SOME_STATUSES = {EventStatus.FINAL, EventStatus.AMENDED, EventStatus.PRELIMINARY,
      EventStatus.CANCELLED, EventStatus.ORDERED, EventStatus.REDEEMED};

  private static Set<EventStatus> randomStatuses(Random r) {
    if (r.nextInt(3) > 0) {
      return Set.of();
    }
    Set<EventStatus> out = new java.util.HashSet<>();
    for (int i = 1 + r.nextInt(2); i > 0; i--) {
      out.add(SOME_STATUSES[r.nextInt(SOME_STATUSES.length)]);
    }
    return out;
  }

  private static Relation randomRelation(Random r) {
    return r.nextBoolean() ? Relation.STARTS : Relation.values()[r.nextInt(Relation.values().length)];
  }

  /** Some events last (from a day to months, or ongoing), have a status or (answers, some labs) a coded result. */
  private static RecordedEvent attributed(Random r, Event event) {
    EventAttributes a = EventAttributes.NONE;
    int lasting = r.nextInt(4);
    if (lasting == 0) {
      a = a.endingOn(event.date().plusDays(r.nextInt(3) == 0 ? r.nextInt(3) : r.nextInt(200)));
    }
    if (r.nextInt(3) == 0) {
      a = a.withStatus(SOME_STATUSES[r.nextInt(SOME_STATUSES.length)]);
    }
    boolean coded = event instanceof QuestionnaireAnswer ? r.nextInt(4) > 0 : event instanceof LabMeasurement && r.nextInt(6) == 0;
    if (coded) {
      String[] codes = {"77176002", "65568007", "8517006", "266919005"};
      a = a.withValueCode(new Code(CodeSystem.SNOMED, codes[r.nextInt(codes.length)]));
    }
    return new RecordedEvent(event, a);
  }

  private static LocalDate date(Random r, int fromYear, int toYear) {
    return LocalDate.of(fromYear + r.nextInt(toYear - fromYear + 1), 1 + r.nextInt(12), 1 + r.nextInt(28));
  }

  /** Days at period and month edges, where off-by-one mistakes live. */
  private static LocalDate edgeDate(Random r) {
    YearMonth m = YearMonth.of(2023 + r.nextInt(2), 1 + r.nextInt(12));
    return switch (r.nextInt(3)) {
      case 0 -> m.atDay(1);
      case 1 -> m.atEndOfMonth();
      default -> m.atDay(1).minusDays(1);
    };
  }

  private static RecordedEvent randomEvent(Random r, String patient, LocalDate d) {
    return attributed(r, randomCoreEvent(r, patient, d));
  }

  private static Event randomCoreEvent(Random r, String patient, LocalDate d) {
    if (r.nextInt(10) == 0) { // a stay or dose dispensing: ongoing unless given an end
      return new Episode(patient, d, new Code(CodeSystem.SKS, r.nextBoolean() ? "NHS1" : "DD1"));
    }
    if (r.nextInt(8) == 0) {
      return new QuestionnaireAnswer(patient, d, "lifestyle", r.nextInt(4) == 0 ? "alcohol" : "smoking",
          r.nextInt(3) == 0 ? OptionalDouble.of(r.nextInt(5)) : OptionalDouble.empty());
    }
    switch (r.nextInt(5)) {
      case 0:
        String[] dx = {"T90", "T89", "R96", "R74", "R78", "K86"};
        return switch (r.nextInt(8)) {
          case 0, 1 -> new Diagnosis(patient, d, new Code(CodeSystem.ICD10, "DE11" + r.nextInt(10)));
          // a declared prefix system, and SNOMED CT, matched exactly
          case 2 -> new Diagnosis(patient, d, new Code(READ2, r.nextBoolean() ? "C10" + r.nextInt(10) : "C1"));
          case 3 -> new Diagnosis(patient, d, new Code(CodeSystem.SNOMED, r.nextBoolean() ? "44054006" : "440540061"));
          default -> new Diagnosis(patient, d, new Code(CodeSystem.ICPC2, dx[r.nextInt(dx.length)]));
        };
      case 1:
        String[] units = {"mmol/mol", "%", "", "mg/dl"};
        String unit = units[r.nextInt(units.length)];
        double value = unit.equals("%") ? 5 + r.nextInt(40) / 4.0 : 30 + r.nextInt(60);
        return new LabMeasurement(patient, d, new Code(CodeSystem.NPU, r.nextInt(6) == 0 ? "NPU03835" : "NPU27300"),
            r.nextInt(8) == 0 ? OptionalDouble.empty() : OptionalDouble.of(value),
            unit.isEmpty() ? Optional.empty() : Optional.of(unit));
      case 2:
        String[] atc = {"J01CA08", "J01EB02", "J01XE01", "J01CE02", "N05AH04", "S01AA01"};
        // defined daily doses, sometimes missing, sometimes with more decimals than a millionth
        OptionalDouble ddd = switch (r.nextInt(4)) {
          case 0 -> OptionalDouble.empty();
          case 1 -> OptionalDouble.of(r.nextInt(1000) / 7.0);
          default -> OptionalDouble.of(r.nextInt(80) / 2.0);
        };
        return new Prescription(patient, d, atc[r.nextInt(atc.length)], 1 + r.nextInt(3), ddd);
      case 3:
        return new Service(patient, d, r.nextBoolean() ? "0120" : "0101");
      default:
        return new Diagnosis(patient, d, new Code(CodeSystem.ICPC2, "T90"));
    }
  }

  /**
   * Mostly none; else care plans or prescriptions (or both) at a minimum share of the nation's of
   * 30–100 %, at a significance high enough that the small clinics here can fall short.
   */
  private static List<CompletenessRequirement> randomRequirements(Random r) {
    List<CompletenessRequirement> out = new ArrayList<>();
    double[] significances = {0.5, 0.2, 0.05, CompletenessRequirement.DEFAULT_SIGNIFICANCE};
    if (r.nextInt(3) == 0) {
      out.add(new CompletenessRequirement(DataSource.CARE_PLANS, 30 + r.nextInt(71), significances[r.nextInt(4)]));
    }
    if (r.nextInt(4) == 0) {
      out.add(new CompletenessRequirement(DataSource.PRESCRIPTIONS, 30 + r.nextInt(71), significances[r.nextInt(4)]));
    }
    return out;
  }

  /** A rate that counts events or sums their doses, packages, lab values (in mixed units) or days. */
  private static Rate randomRate(Random r) {
    Rate.Base base = Rate.Base.values()[r.nextInt(Rate.Base.values().length)];
    int kind = r.nextInt(6);
    EventType type = kind == 4 ? EventType.LAB : kind == 5 ? EventType.EPISODE : EventType.PRESCRIPTION;
    String valueSet = kind == 4 ? "hba1c" : kind == 5 ? "stays" : r.nextBoolean() ? "uti" : "abx";
    Rate counted = new Rate(type, valueSet, randomWindow(r), 1000, base, randomRelation(r), randomStatuses(r));
    return switch (kind) {
      case 1 -> counted.summing(Rate.Summed.VALUE, Optional.of("DDD"));
      case 2 -> counted.summing(Rate.Summed.QUANTITY, Optional.empty());
      case 3, 5 -> counted.summing(Rate.Summed.DAYS, Optional.empty());
      case 4 -> counted.summing(Rate.Summed.VALUE, Optional.of("mmol/mol"));
      default -> counted;
    };
  }

  private static Indicator randomIndicator(Random r, String id) {
    Scoring scoring;
    switch (r.nextInt(5)) {
      case 0:
        scoring = randomRate(r);
        break;
      case 1:
        scoring = new Ratio();
        break;
      case 2:
        scoring = new Continuous(EventType.LAB, "hba1c", randomWindow(r), r.nextBoolean() ? Pick.LATEST : Pick.FIRST,
            r.nextBoolean() ? Optional.of("mmol/mol") : Optional.empty(),
            r.nextBoolean() ? Continuous.Aggregate.MEAN : Continuous.Aggregate.MEDIAN, randomRelation(r),
            randomStatuses(r), r.nextBoolean() ? Tie.HIGHEST : Tie.LOWEST);
        break;
      default:
        scoring = new Proportion();
    }
    Criterion initial = r.nextBoolean() ? new PopulationRef(r.nextBoolean() ? "adults" : "diabetics") : criterion(r, 2);
    boolean needsNumerator = scoring instanceof Proportion || scoring instanceof Ratio;
    var pops = new Populations(initial,
        maybe(r, 2), maybe(r, 4), maybe(r, 4),
        needsNumerator ? Optional.of(criterion(r, 2)) : maybe(r, 4),
        maybe(r, 4));
    return Indicator.builder().id(id).version("1").title(id).scoring(scoring).populations(pops)
        .direction(Direction.HIGHER_IS_BETTER)
        .attribution(scoring instanceof Rate && r.nextBoolean() ? Attribution.EVENT_DATE : Attribution.REFERENCE_DATE)
        .requires(randomRequirements(r))
        .build();
  }

  private static Optional<Criterion> maybe(Random r, int oneIn) {
    return r.nextInt(oneIn) == 0 ? Optional.of(criterion(r, 2)) : Optional.empty();
  }

  static Criterion criterion(Random r, int depth) {
    int kind = r.nextInt(depth > 0 ? 14 : 10);
    switch (kind) {
      case 0:
        return new HasEvent(EventType.DIAGNOSIS, r.nextBoolean() ? "diab" : "resp", randomWindow(r), randomRelation(r),
            randomStatuses(r));
      case 1:
        return r.nextInt(3) == 0
            ? new HasEvent(EventType.EPISODE, "stays", randomWindow(r), randomRelation(r), randomStatuses(r))
            : new HasEvent(EventType.LAB, "hba1c", randomWindow(r), randomRelation(r), randomStatuses(r));
      case 2:
        return new EventCount(r.nextBoolean() ? EventType.PRESCRIPTION : EventType.SERVICE,
            r.nextBoolean() ? "abx" : "control", randomWindow(r), 1 + r.nextInt(3), randomRelation(r), randomStatuses(r));
      case 3:
        Comparator[] cs = Comparator.values();
        return new ValueCompared(EventType.LAB, "hba1c", randomWindow(r), Pick.values()[r.nextInt(Pick.values().length)],
            cs[r.nextInt(cs.length)], 40 + r.nextInt(40), r.nextBoolean() ? Optional.of("mmol/mol")
                : r.nextBoolean() ? Optional.of("%") : Optional.empty(), randomRelation(r), randomStatuses(r),
            Missing.values()[r.nextInt(Missing.values().length)], r.nextBoolean() ? Tie.HIGHEST : Tie.LOWEST);
      case 7:
        return new CodedValue(r.nextBoolean() ? EventType.ANSWER : EventType.LAB, r.nextBoolean() ? "smoking" : "hba1c",
            "smoker", randomWindow(r), Pick.values()[r.nextInt(Pick.values().length)], randomRelation(r), randomStatuses(r),
            Missing.values()[r.nextInt(Missing.values().length)]);
      case 8:
        return new HasResult(r.nextBoolean() ? EventType.ANSWER : EventType.LAB, r.nextBoolean() ? "smoking" : "hba1c",
            randomWindow(r), Pick.values()[r.nextInt(Pick.values().length)], randomRelation(r), randomStatuses(r));
      case 9: {
        Window w = randomWindow(r);
        boolean share = w.from().anchor() != Bound.Anchor.EVER && r.nextBoolean();
        int what = r.nextInt(3);
        EventType type = what == 0 ? EventType.PRESCRIPTION : what == 1 ? EventType.DIAGNOSIS : EventType.EPISODE;
        String set = what == 0 ? "abx" : what == 1 ? "diab" : "stays";
        return new Covered(type, set, w, randomStatuses(r), share ? Optional.empty() : Optional.of(1 + r.nextInt(120)),
            share ? Optional.of(1 + r.nextInt(100)) : Optional.empty());
      }
      case 4:
        return r.nextBoolean() ? AgeInRange.atLeast(r.nextInt(90))
            : new AgeInRange(r.nextBoolean() ? Optional.of(r.nextInt(40)) : Optional.empty(), Optional.of(40 + r.nextInt(60)));
      case 5:
        return new SexIs(Sex.values()[r.nextInt(Sex.values().length)]);
      case 6:
        return new Listed(r.nextBoolean() ? Listed.Coverage.AT_REFERENCE_DATE : Listed.Coverage.WHOLE_PERIOD);
      case 10:
        return And.of(criterion(r, depth - 1), criterion(r, depth - 1));
      case 11:
        return Or.of(criterion(r, depth - 1), criterion(r, depth - 1), criterion(r, depth - 1));
      case 12:
        return new Not(criterion(r, depth - 1));
      default:
        return new PopulationRef(r.nextBoolean() ? "adults" : "diabetics");
    }
  }

  static Window randomWindow(Random r) {
    switch (r.nextInt(5)) {
      case 0:
        return Window.PERIOD;
      case 1:
        return Window.of("ever", "period.end");
      case 2:
        return new Window(new Bound(Bound.Anchor.PERIOD_END, -(1 + r.nextInt(18)), Bound.Unit.MONTHS), Bound.PERIOD_END);
      case 3:
        return new Window(Bound.PERIOD_START, new Bound(Bound.Anchor.PERIOD_START, r.nextInt(90), Bound.Unit.DAYS));
      default:
        return new Window(new Bound(Bound.Anchor.PERIOD_START, -1, Bound.Unit.YEARS),
            new Bound(Bound.Anchor.PERIOD_START, -1, Bound.Unit.DAYS));
    }
  }
}
