package org.klynge.examples.synthetic;

import static org.klynge.examples.synthetic.SyntheticCodes.*;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.klynge.core.data.CodeDictionary;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.RowLocation;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventAttributes;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Membership;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Sex;

/**
 * A synthetic national extract of Danish general practice: five regions, 98 municipalities, 114
 * clusters, about 1,400 clinics and 3,300 GPs, and at scale 1 about 5.5 million listed patients
 * with about 50 million events over the measurement year and the two years before it.
 *
 * <p>The data is made up, but shaped like the real thing where the indicators look: an age–sex
 * structure close to Denmark's, type 2 diabetes with HbA1c measurements and statins, urinary
 * tract infection antibiotics, seasonal eye drops (with a drop after a cluster meeting in cluster
 * {@code k001} on 27 February), dementia with anti-dementia drugs and antipsychotics, COPD with
 * spirometry and inhalers, opioids, WHO-5 well-being answers of young people and consultations.
 * Clinics differ: some prescribe more antibiotics, some measure HbA1c poorly. Patients move
 * clinic, die, are born and immigrate during the year; a few clinics change cluster on 1 July and
 * a few are outside any cluster. One clinic, {@link SyntheticCodes#NO_CARE_PLANS_CLINIC} in cluster
 * {@code k001}, sent no care-plan data (diagnoses, lab values) in the measurement year: its
 * patients' earlier diagnoses are there, its HbA1c measurements of the year are not.
 *
 * <p>It holds every kind of data an extract may: a few patients per thousand are recorded with sex
 * {@code O} (other) or {@code U} (unknown). Events that last have an end: a redeemed prescription
 * covers its supply ({@code end_date} = the day of redemption + packages × the days a package
 * lasts − 1, see {@link SyntheticCodes#daysPerPackage}); hospital contacts are SKS codes from
 * admission to discharge (hip and knee replacements as {@code service} events {@code KNFB20},
 * {@code KNGB20}; admissions for COPD exacerbation as {@code diagnosis} {@code DJ441}); a stay in
 * a nursing home is an {@code episode} in SNOMED CT ({@code 160734000}, lives in a nursing home)
 * and dose dispensing an {@code episode} with the illustrative fee code {@code 0170}, from the
 * first day to the last, or to the as-of date while they last (they may begin before the window);
 * palliative care is a {@code diagnosis} {@code DZ515} (ICD-10 Z51.5) ending on the day of death,
 * or without an end (ongoing) for a few patients alive at the end of the year. Annual controls
 * record smoking status as an {@code answer} {@code smoking} with a SNOMED CT finding as its coded
 * result ({@code value_code}: smoker, ex-smoker, never smoked). Lab results have a status (mostly
 * {@code final}, some {@code preliminary}, {@code amended} or {@code corrected}), and a few tests
 * are preceded by a {@code cancelled} order without a value; prescriptions are {@code redeemed},
 * and for a few the prescription written ({@code ordered}, no end) is in the data too, up to ten
 * days before. A few lab results are sent twice (an exact duplicate, excluded once) and a few
 * redemptions are two identical rows (two packages bought the same day, both used). There are no
 * {@code event_id}s: ids cost memory while the extract is built, and the written files need none.
 *
 * <p>The optional parts and the events they bring are drawn from a random stream of their own,
 * so the patients' other events are the same as without them; the recorded sex O or U does not
 * change what happens to a patient (a woman recorded as U has a woman's infections).
 *
 * <p>Generation is deterministic: the same {@link Settings} give the same extract. It runs on one
 * thread and allocates little per event beyond the row location (the attributes of events are
 * shared where they can be), so that the national extract can be made in memory in seconds.
 *
 * <pre>{@code
 * Extract extract = SyntheticNation.generate(new SyntheticNation.Settings(0.01, 42, 2024));
 * System.out.println(SyntheticNation.describe(extract));
 * }</pre>
 */
public final class SyntheticNation {

  /** Source name of the patient rows. */
  public static final String PATIENTS_SOURCE = "synthetic:patients";
  /** Source name of the listing rows. */
  public static final String LISTINGS_SOURCE = "synthetic:listings";
  /** Source name of the event rows. */
  public static final String EVENTS_SOURCE = "synthetic:events";

  /** Deliberately bad rows of each kind added when {@link Settings#badRows()} is set. */
  public static final int BAD_ROWS_PER_KIND = 3;

  // ---- population
  /** Persons by five-year age band (0–4 … 100–104), thousands, roughly Denmark 2024. */
  private static final double[] AGE_BAND_WEIGHT = {
      300, 310, 335, 345, 380, 410, 370, 340, 330, 370, 400, 400, 355, 320, 310, 270, 170, 85, 35, 8, 1};
  /** Share of women in each age band. */
  private static final double[] FEMALE_SHARE = {
      0.487, 0.487, 0.487, 0.487, 0.49, 0.495, 0.50, 0.50, 0.50, 0.50, 0.50, 0.50, 0.505, 0.51, 0.52, 0.54,
      0.57, 0.62, 0.70, 0.78, 0.80};
  private static final double NEWBORN_SHARE = 0.010;
  private static final double IMMIGRANT_SHARE = 0.008;
  private static final double MOVING_PATIENT_SHARE = 0.03;
  /** Of patients who move clinic, the share who stay in the same cluster area. */
  private static final double MOVE_WITHIN_AREA_SHARE = 0.8;
  /** Yearly mortality q(age) = MORTALITY_BASE · e^(MORTALITY_SLOPE · age) (Gompertz), capped. */
  private static final double MORTALITY_BASE = 2.5e-5;
  private static final double MORTALITY_SLOPE = 0.095;
  private static final double INFANT_MORTALITY = 0.003;
  private static final int LISTING_HISTORY_YEARS = 25;

  // ---- type 2 diabetes
  /** Prevalence by ten-year band of age (18–29 counted with 10–19 and 20–29 …). */
  private static final double[] DIABETES_BY_DECADE = {0, 0.006, 0.010, 0.012, 0.025, 0.05, 0.09, 0.12, 0.11, 0.10, 0.10};
  private static final double DIABETES_MALE_FACTOR = 1.15;
  private static final double DIABETES_FEMALE_FACTOR = 0.87;
  private static final double DIABETES_ICD10_SHARE = 0.15;
  /** Share of diabetes patients diagnosed within the window (the rest years before). */
  private static final double DIABETES_INCIDENT_SHARE = 0.10;
  private static final int DIABETES_HISTORY_YEARS = 15;
  private static final double HBA1C_TESTS_PER_YEAR = 2.5;
  private static final double HBA1C_TESTS_PER_YEAR_POOR_CLINIC = 0.8;
  private static final int HBA1C_MAX_TESTS_PER_YEAR = 4;
  /** HbA1c is log-normal: a patient level around 53 mmol/mol and noise per measurement. */
  private static final double HBA1C_MEDIAN = 53;
  private static final double HBA1C_PATIENT_SIGMA = 0.12;
  private static final double HBA1C_MEASUREMENT_SIGMA = 0.06;
  private static final double HBA1C_PERCENT_SHARE = 0.05;
  private static final double ATORVASTATIN_SHARE = 0.6;
  private static final double STATIN_REDEMPTIONS_PER_YEAR = 4;
  private static final double ANNUAL_CONTROL_DIABETES = 0.85;
  private static final double ANNUAL_CONTROL_DIABETES_POOR_CLINIC = 0.55;
  private static final double ANNUAL_CONTROL_COPD = 0.70;

  // ---- antibiotics
  /** Urinary tract infection courses per woman per year by ten-year band of age (18+). */
  private static final double[] UTI_WOMEN_BY_DECADE = {0, 0.14, 0.14, 0.13, 0.13, 0.15, 0.18, 0.25, 0.38, 0.45, 0.45};
  private static final double UTI_MEN_PER_YEAR = 0.03;
  private static final String[] UTI_DRUGS = {ATC_PIVMECILLINAM, ATC_SULFAMETHIZOLE, ATC_NITROFURANTOIN, ATC_TRIMETHOPRIM};
  private static final double[] UTI_DRUG_SHARE = {0.60, 0.15, 0.12, 0.13};
  private static final double OTHER_ANTIBIOTICS_PER_YEAR = 0.20;
  private static final double OTHER_ANTIBIOTICS_PER_YEAR_CHILD = 0.32;
  private static final double CLARITHROMYCIN_SHARE = 0.15;
  /** Eye-drop courses per year for ages 0–4, 5–14 and 15+. */
  private static final double[] EYE_DROPS_BY_AGE = {0.25, 0.08, 0.025};
  private static final double CHLORAMPHENICOL_SHARE = 0.75;
  /** Relative amplitude of the winter peak of eye infections (peak mid-January). */
  private static final double EYE_DROP_SEASONALITY = 0.6;
  /** Share of eye-drop prescriptions that cluster k001 stopped after its meeting. */
  private static final double EYE_DROP_DROP_AFTER_MEETING = 0.4;

  // ---- dementia
  private static final double[] DEMENTIA_BY_AGE = {0.005, 0.022, 0.055}; // 65–74, 75–84, 85+
  private static final double DEMENTIA_ICD10_SHARE = 0.30;
  private static final double[] DEMENTIA_ICD10_SHARES = {0.45, 0.15, 0.05, 0.35};
  private static final double DEMENTIA_INCIDENT_SHARE = 0.15;
  private static final int DEMENTIA_HISTORY_YEARS = 6;
  private static final double ANTI_DEMENTIA_SHARE = 0.60;
  private static final String[] ANTI_DEMENTIA_DRUGS = {ATC_DONEPEZIL, ATC_GALANTAMINE, ATC_MEMANTINE};
  private static final double[] ANTI_DEMENTIA_DRUG_SHARE = {0.60, 0.10, 0.30};
  private static final double ANTIPSYCHOTIC_SHARE = 0.20;
  private static final double QUETIAPINE_SHARE = 0.70;
  private static final double DRUG_REDEMPTIONS_PER_YEAR = 4;

  // ---- COPD
  private static final double[] COPD_BY_AGE = {0.013, 0.038, 0.065, 0.075}; // 40–54, 55–64, 65–74, 75+
  private static final double COPD_ICD10_SHARE = 0.20;
  private static final double COPD_INCIDENT_SHARE = 0.10;
  private static final int COPD_HISTORY_YEARS = 12;
  private static final double SPIROMETRY_PER_YEAR = 0.55;
  private static final double INHALER_SHARE = 0.85;
  private static final String[] INHALERS = {ATC_VILANTEROL_UMECLIDINIUM, ATC_TIOTROPIUM, ATC_SALMETEROL_FLUTICASONE};
  private static final double[] INHALER_SHARES = {0.40, 0.35, 0.25};
  private static final double INHALER_REDEMPTIONS_PER_YEAR = 5;

  // ---- opioids
  private static final double[] OPIOIDS_BY_AGE = {0.02, 0.045, 0.08, 0.12}; // 18–39, 40–59, 60–79, 80+
  private static final double CHRONIC_OPIOID_SHARE = 0.35;
  private static final double CHRONIC_OPIOID_REDEMPTIONS_PER_YEAR = 6;
  private static final String[] OPIOIDS = {ATC_TRAMADOL, ATC_TRAMADOL_PARACETAMOL, ATC_MORPHINE};
  private static final double[] OPIOID_SHARES = {0.50, 0.30, 0.20};

  // ---- well-being and consultations
  private static final double WHO5_ANSWER_SHARE = 0.10;
  /** WHO-5 raw score (0–25) is about normal; the total is 4 × raw, about 15 % below 50. */
  private static final double WHO5_RAW_MEAN = 17;
  private static final double WHO5_RAW_SD = 4.2;
  /** Consultations per year for ages 0–4, 5–17, 18–44, 45–64, 65–79, 80+. */
  private static final double[] CONSULTATIONS_BY_AGE = {3.0, 1.2, 1.6, 2.0, 3.0, 4.0};
  private static final double CONSULTATION_FEMALE_FACTOR = 1.2;

  // ---- recorded sex, statuses, ends, coded results and duplicates
  /** Shares of patients recorded with sex O (other) and U (unknown). */
  private static final double SEX_OTHER_SHARE = 0.002;
  private static final double SEX_UNKNOWN_SHARE = 0.003;
  /** Shares of lab results that are preliminary, amended or corrected; the rest are final. */
  private static final double LAB_PRELIMINARY_SHARE = 0.01;
  private static final double LAB_AMENDED_SHARE = 0.025;
  private static final double LAB_CORRECTED_SHARE = 0.015;
  /** Share of lab tests with a cancelled order (no value) 1–14 days before. */
  private static final double LAB_CANCELLED_SHARE = 0.006;
  /** Share of lab results the laboratory sends twice (an exact duplicate, counted once). */
  private static final double LAB_RESENT_SHARE = 0.003;
  /** Share of redemptions whose prescription (ordered) is in the data too, 0–10 days before. */
  private static final double ORDERED_SHARE = 0.02;
  /** Share of redemptions with a second package bought the same day (two identical rows). */
  private static final double SECOND_PACKAGE_SHARE = 0.004;
  /** Share of annual controls that record smoking status. */
  private static final double SMOKING_RECORDED_SHARE = 0.8;
  /** Smoking status current, former, never: with COPD, and with diabetes. */
  private static final double[] SMOKING_WITH_COPD = {0.38, 0.52, 0.10};
  private static final double[] SMOKING_WITH_DIABETES = {0.18, 0.42, 0.40};
  /** Hip and knee replacements per person-year from 55 (twice as many from 70); days in hospital 1–4. */
  private static final double HIP_REPLACEMENTS_PER_YEAR = 0.003;
  private static final double KNEE_REPLACEMENTS_PER_YEAR = 0.0025;
  /** Admissions for exacerbation per COPD patient-year; days in hospital 2–10. */
  private static final double COPD_ADMISSIONS_PER_YEAR = 0.15;
  /** Of patients 50+ who die in the year, the share in palliative care for 1–26 weeks before. */
  private static final double PALLIATIVE_BEFORE_DEATH_SHARE = 0.35;
  /** Of patients 60+ alive at the end of the year, the share in palliative care then (ongoing). */
  private static final double PALLIATIVE_ONGOING_SHARE = 0.0015;
  /** Living in a nursing home at 75–84 and 85+. */
  private static final double[] NURSING_HOME_BY_AGE = {0.03, 0.13};
  /** Dose dispensing at 65–79 and 80+, and in a nursing home. */
  private static final double[] DOSE_DISPENSING_BY_AGE = {0.04, 0.14};
  private static final double DOSE_DISPENSING_IN_NURSING_HOME = 0.7;
  /** Of care periods, the share that began within the window (the others up to five years before it). */
  private static final double CARE_PERIOD_INCIDENT_SHARE = 0.3;
  /** Of dose dispensing periods, the share that stopped within the window. */
  private static final double DOSE_DISPENSING_STOP_SHARE = 0.15;

  private static final EventAttributes LAB_FINAL = EventAttributes.NONE.withStatus(EventStatus.FINAL);
  private static final EventAttributes LAB_PRELIMINARY = EventAttributes.NONE.withStatus(EventStatus.PRELIMINARY);
  private static final EventAttributes LAB_AMENDED = EventAttributes.NONE.withStatus(EventStatus.AMENDED);
  private static final EventAttributes LAB_CORRECTED = EventAttributes.NONE.withStatus(EventStatus.CORRECTED);
  private static final EventAttributes LAB_CANCELLED = EventAttributes.NONE.withStatus(EventStatus.CANCELLED);
  private static final EventAttributes ORDERED = EventAttributes.NONE.withStatus(EventStatus.ORDERED);
  /** The coded results of the smoking answer: current, former, never. */
  private static final EventAttributes[] SMOKING = {
      EventAttributes.NONE.withValueCode(new Code(CodeSystem.SNOMED, SNOMED_SMOKER)),
      EventAttributes.NONE.withValueCode(new Code(CodeSystem.SNOMED, SNOMED_EX_SMOKER)),
      EventAttributes.NONE.withValueCode(new Code(CodeSystem.SNOMED, SNOMED_NEVER_SMOKED))};

  /** Events per patient, for the capacity hint (a little above what is generated). */
  private static final double EVENTS_PER_PATIENT_HINT = 9.5;
  private static final double DAYS_PER_YEAR = 365.2425;

  /**
   * What to generate.
   *
   * @param scale the share of the nation: 1.0 is about 5.5 million patients, 0.01 about 55,000
   * @param seed the random seed; the same settings give the same extract
   * @param year the measurement year; events cover it and the two years before
   * @param badRows whether to add a few deliberately bad rows (see {@link #BAD_ROWS_PER_KIND})
   */
  public record Settings(double scale, long seed, int year, boolean badRows) {
    public Settings {
      if (!(scale > 0 && scale <= 4)) {
        throw new IllegalArgumentException("scale must be in (0, 4], was " + scale);
      }
      if (year < 2020 || year > 2100) {
        throw new IllegalArgumentException("year must be in 2020..2100, was " + year);
      }
    }

    /** Settings without bad rows. */
    public Settings(double scale, long seed, int year) {
      this(scale, seed, year, false);
    }

    /** Scale 1.0, seed 42, year 2024, no bad rows. */
    public static Settings defaults() {
      return new Settings(1.0, 42, 2024);
    }

    public Settings withScale(double newScale) {
      return new Settings(newScale, seed, year, badRows);
    }

    public Settings withSeed(long newSeed) {
      return new Settings(scale, newSeed, year, badRows);
    }

    public Settings withYear(int newYear) {
      return new Settings(scale, seed, newYear, badRows);
    }

    public Settings withBadRows(boolean newBadRows) {
      return new Settings(scale, seed, year, newBadRows);
    }
  }

  /**
   * Counts describing an extract.
   *
   * @param patients patients
   * @param listings listing periods
   * @param events events
   * @param eventsByType events of each type
   * @param codes distinct (type, code) pairs
   * @param regions regions
   * @param municipalities municipalities
   * @param clusters clusters
   * @param clinics clinics
   * @param clinicsOutsideClusters clinics that are never a member of a cluster
   * @param practitioners GPs recorded in the organisation
   * @param rejected rows rejected
   * @param excluded rows excluded
   * @param estimatedBytes estimated bytes of the columnar patient data
   */
  public record Summary(int patients, int listings, int events, Map<EventType, Integer> eventsByType, int codes,
      int regions, int municipalities, int clusters, int clinics, int clinicsOutsideClusters, int practitioners,
      long rejected, long excluded, long estimatedBytes) {

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      s.append(String.format("patients        %,12d%n", patients));
      s.append(String.format("listings        %,12d%n", listings));
      s.append(String.format("events          %,12d%n", events));
      eventsByType.forEach((type, n) -> s.append(String.format("  %-13s %,12d%n", type.code(), n)));
      s.append(String.format("distinct codes  %,12d%n", codes));
      s.append(String.format("regions         %,12d%n", regions));
      s.append(String.format("municipalities  %,12d%n", municipalities));
      s.append(String.format("clusters        %,12d%n", clusters));
      s.append(String.format("clinics         %,12d (%d outside any cluster)%n", clinics, clinicsOutsideClusters));
      s.append(String.format("GPs             %,12d%n", practitioners));
      s.append(String.format("rejected rows   %,12d%n", rejected));
      s.append(String.format("excluded rows   %,12d%n", excluded));
      s.append(String.format("columnar data   %,12d MB (%.1f bytes per event)", estimatedBytes >> 20,
          (double) estimatedBytes / Math.max(1, events)));
      return s.toString();
    }
  }

  /** Generates the extract described by {@code settings}. */
  public static Extract generate(Settings settings) {
    return generate(settings, (made, total) -> { });
  }

  /** Told how far the generator has come. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Called after each cluster's patients; the last call, with {@code made == total}, comes before
     * the columnar layout is built.
     *
     * @param made patients generated so far
     * @param total patients to generate
     */
    void patients(long made, long total);
  }

  /** Generates the extract described by {@code settings}, telling {@code listener} how far it has come. */
  public static Extract generate(Settings settings, Listener listener) {
    return new SyntheticNation(settings).run(listener);
  }

  /** Counts of what {@code extract} holds. */
  public static Summary describe(Extract extract) {
    PatientData data = extract.patients();
    CodeDictionary codes = data.codes();
    int[] perCode = new int[codes.size()];
    for (int e = 0; e < data.eventCount(); e++) {
      perCode[data.eventCode(e)]++;
    }
    Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
    for (int c = 0; c < perCode.length; c++) {
      byType.merge(codes.entry(c).type(), perCode[c], Integer::sum);
    }
    Organisation org = extract.organisation();
    Set<String> members = new HashSet<>();
    for (Membership m : org.clusterMemberships()) {
      members.add(m.memberId());
    }
    return new Summary(data.patientCount(), data.listingCount(), data.eventCount(),
        Collections.unmodifiableMap(byType), codes.size(), org.regions().size(), org.municipalities().size(),
        org.clusters().size(), org.clinics().size(), org.clinics().size() - members.size(),
        org.practitioners().size(), extract.reconciliation().total(Outcome.REJECTED),
        extract.reconciliation().total(Outcome.EXCLUDED), data.estimatedBytes());
  }

  // ---------------------------------------------------------------------------------------------
  // generation state

  private final Settings settings;
  private final SplittableRandom random;
  /** The stream of the optional parts of events and the events they bring; see the class comment. */
  private SplittableRandom extra;
  private final SyntheticOrganisation org;
  private final ExtractBuilder builder;
  private final int[] yearStart = new int[4]; // the three years of the window, and the year after
  private final int windowStart;
  private final int yearEnd;
  private final int meetingDay;
  private final int julyFirst;
  private final int dateBase;
  private final LocalDate[] dates;
  /** Attributes ending on a day (by day − {@link #dateBase}), without and with the status redeemed. */
  private final EventAttributes[] endingOn;
  private final EventAttributes[] redeemedUntil;
  private final int[] days = new int[64];
  private long patientLine;
  private long listingLine;
  private long eventLine;
  private final String[] firstIds = new String[4 * BAD_ROWS_PER_KIND];
  private final int[] firstBirths = new int[4 * BAD_ROWS_PER_KIND];
  private int patientsMade;

  // the patient being generated
  private String id;
  private boolean female;
  private int birth;
  private double age; // in years at the start of the measurement year
  private int death;
  private int clinic;
  private int movedTo;
  private int moveDay;
  private int first; // first day events may fall on
  private int last; // last day events may fall on
  private int smoking; // index into SMOKING, -1 until drawn

  private SyntheticNation(Settings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.org = SyntheticOrganisation.generate(random.split(), settings.year());
    for (int y = 0; y < 4; y++) {
      yearStart[y] = (int) LocalDate.of(settings.year() - 2 + y, 1, 1).toEpochDay();
    }
    this.windowStart = yearStart[0];
    this.yearEnd = yearStart[3] - 1;
    this.meetingDay = (int) LocalDate.of(settings.year(), EYE_DROP_MEETING_MONTH, EYE_DROP_MEETING_DAY).toEpochDay();
    this.julyFirst = (int) LocalDate.of(settings.year(), 7, 1).toEpochDay();
    this.dateBase = (int) LocalDate.of(settings.year() - 112, 1, 1).toEpochDay();
    this.dates = new LocalDate[yearStart[3] - dateBase + 1];
    // a supply may last past the end of the window: 2 packages of 100 days
    this.endingOn = new EventAttributes[dates.length + 200];
    this.redeemedUntil = new EventAttributes[dates.length + 200];
    this.builder = ExtractBuilder.create(org.organisation);
  }

  private Extract run(Listener listener) {
    int[] perArea = new int[SyntheticOrganisation.CLUSTERS];
    long total = 0;
    for (int c = 0; c < perArea.length; c++) {
      perArea[c] = (int) Math.max(1, Math.round(org.clusterPatients[c] * settings.scale()));
      total += perArea[c];
    }
    int bad = settings.badRows() ? BAD_ROWS_PER_KIND : 0;
    builder.expect((int) total + bad, (int) (total * (1 + MOVING_PATIENT_SHARE)) + 16,
        (int) Math.min(Integer.MAX_VALUE - 16, total * EVENTS_PER_PATIENT_HINT) + 4 * bad);
    SplittableRandom patients = random.split();
    extra = random.split();
    long made = 0;
    for (int c = 0; c < perArea.length; c++) {
      for (int i = 0; i < perArea[c]; i++) {
        patient(patients, c);
      }
      made += perArea[c];
      listener.patients(made, total);
    }
    if (settings.badRows()) {
      badRows();
    }
    LocalDate asOf = date(yearEnd);
    builder.asOf(PATIENTS_SOURCE, asOf).asOf(LISTINGS_SOURCE, asOf).asOf(EVENTS_SOURCE, asOf);
    return builder.build();
  }

  // ---------------------------------------------------------------------------------------------
  // patients and listings

  private void patient(SplittableRandom r, int area) {
    clinic = pickClinic(r, area);
    double u = r.nextDouble();
    boolean newborn = u < NEWBORN_SHARE;
    boolean immigrant = !newborn && u < NEWBORN_SHARE + IMMIGRANT_SHARE;
    int measurementYear = yearStart[2];
    int daysInYear = yearStart[3] - measurementYear;
    int listedFrom;
    if (newborn) {
      birth = measurementYear + r.nextInt(daysInYear);
      female = r.nextDouble() < FEMALE_SHARE[0];
      listedFrom = Math.min(yearEnd, birth + r.nextInt(43));
    } else {
      int band = pick(r, AGE_BAND_WEIGHT, AGE_BAND_TOTAL);
      female = r.nextDouble() < FEMALE_SHARE[band];
      birth = measurementYear - 1 - (int) ((band * 5 + 5 * r.nextDouble()) * DAYS_PER_YEAR);
      listedFrom = immigrant ? measurementYear + r.nextInt(daysInYear)
          : Math.max(birth, measurementYear - 1 - r.nextInt(LISTING_HISTORY_YEARS * 365));
    }
    age = Math.max(0, (measurementYear - birth) / DAYS_PER_YEAR);
    int aliveFrom = Math.max(listedFrom, measurementYear);
    double mortality = Math.min(0.35, MORTALITY_BASE * Math.exp(MORTALITY_SLOPE * age) + (age < 1 ? INFANT_MORTALITY : 0));
    death = r.nextDouble() < mortality ? aliveFrom + r.nextInt(yearEnd - aliveFrom + 1) : PatientData.NO_DATE;
    int lastListed = Math.min(death, yearEnd);
    moveDay = -1;
    movedTo = clinic;
    if (r.nextDouble() < MOVING_PATIENT_SHARE && lastListed - aliveFrom >= 1) {
      moveDay = aliveFrom + 1 + r.nextInt(lastListed - aliveFrom);
      movedTo = newClinic(r, area);
    }

    id = "p" + (patientsMade + 1);
    if (patientsMade < firstIds.length) {
      firstIds[patientsMade] = id;
      firstBirths[patientsMade] = birth;
    }
    patientsMade++;
    double recorded = extra.nextDouble();
    Sex sex = recorded < SEX_OTHER_SHARE ? Sex.OTHER : recorded < SEX_OTHER_SHARE + SEX_UNKNOWN_SHARE ? Sex.UNKNOWN
        : female ? Sex.FEMALE : Sex.MALE;
    builder.patient(id, sex, date(birth),
        death == PatientData.NO_DATE ? Optional.empty() : Optional.of(date(death)),
        RowLocation.of(PATIENTS_SOURCE, ++patientLine));
    Optional<LocalDate> end = death == PatientData.NO_DATE ? Optional.empty() : Optional.of(date(death));
    if (moveDay < 0) {
      listing(clinic, listedFrom, end);
    } else {
      listing(clinic, listedFrom, Optional.of(date(moveDay - 1)));
      listing(movedTo, moveDay, end);
    }

    first = Math.max(birth, immigrant ? listedFrom : windowStart);
    last = Math.min(death, yearEnd);
    smoking = -1;
    events(r);
  }

  private void listing(int clinicIndex, int from, Optional<LocalDate> to) {
    builder.listing(id, org.clinicIds[clinicIndex], date(from), to, RowLocation.of(LISTINGS_SOURCE, ++listingLine));
  }

  private int pickClinic(SplittableRandom r, int area) {
    double u = r.nextDouble();
    int from = org.areaStart[area];
    int to = org.areaStart[area + 1];
    for (int k = from; k < to - 1; k++) {
      if (u < org.areaCumulativeShare[k]) {
        return org.areaClinics[k];
      }
    }
    return org.areaClinics[to - 1];
  }

  /** A clinic to move to: usually another clinic in the same area, otherwise one anywhere. */
  private int newClinic(SplittableRandom r, int area) {
    int target = area;
    if (r.nextDouble() >= MOVE_WITHIN_AREA_SHARE || org.areaStart[area + 1] - org.areaStart[area] < 2) {
      target = (area + 1 + r.nextInt(SyntheticOrganisation.CLUSTERS - 1)) % SyntheticOrganisation.CLUSTERS;
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      int c = pickClinic(r, target);
      if (c != clinic) {
        return c;
      }
    }
    // the area has no other clinic: take the first clinic of the next area
    return org.areaClinics[org.areaStart[(target + 1) % SyntheticOrganisation.CLUSTERS]];
  }

  // ---------------------------------------------------------------------------------------------
  // events, one family at a time

  private void events(SplittableRandom r) {
    if (first > last) {
      return;
    }
    int diabetesOnset = diabetes(r);
    int copdOnset = copd(r);
    annualControls(r, diabetesOnset, copdOnset);
    dementia(r);
    urinaryTractAntibiotics(r);
    otherAntibiotics(r);
    eyeDrops(r);
    opioids(r);
    wellBeing(r);
    consultations(r);
    // from their own stream: the events above are what they were without these
    copdAdmissions(copdOnset);
    jointReplacements();
    nursingHomeAndDoseDispensing();
    palliativeCare();
  }

  /** Type 2 diabetes: diagnosis, HbA1c measurements and statins; returns the onset day or -1. */
  private int diabetes(SplittableRandom r) {
    if (age < 18) {
      return -1;
    }
    double p = DIABETES_BY_DECADE[decade()] * (female ? DIABETES_FEMALE_FACTOR : DIABETES_MALE_FACTOR);
    if (r.nextDouble() >= p) {
      return -1;
    }
    int onset = onset(r, DIABETES_INCIDENT_SHARE, DIABETES_HISTORY_YEARS, 25);
    if (onset > last) {
      return -1;
    }
    if (r.nextDouble() < DIABETES_ICD10_SHARE) {
      diagnosis(CodeSystem.ICD10, ICD10_TYPE2_DIABETES, onset);
    } else {
      diagnosis(CodeSystem.ICPC2, ICPC2_TYPE2_DIABETES, onset);
    }
    double level = Math.log(HBA1C_MEDIAN) + HBA1C_PATIENT_SIGMA * r.nextGaussian();
    double tests = org.poorHbA1c[clinic] ? HBA1C_TESTS_PER_YEAR_POOR_CLINIC : HBA1C_TESTS_PER_YEAR;
    String statin = r.nextDouble() >= org.statinShare[clinic] ? null
        : r.nextDouble() < ATORVASTATIN_SHARE ? ATC_ATORVASTATIN : ATC_SIMVASTATIN;
    for (int y = 0; y < 3; y++) {
      int from = Math.max(Math.max(first, onset), yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      double share = yearShare(y, from, to);
      int n = spread(r, Math.min(HBA1C_MAX_TESTS_PER_YEAR, poisson(r, tests * share)), from, to, true);
      for (int i = 0; i < n; i++) {
        double mmolPerMol = Math.exp(level + HBA1C_MEASUREMENT_SIGMA * r.nextGaussian());
        if (r.nextDouble() < HBA1C_PERCENT_SHARE) {
          double percent = Math.round((mmolPerMol / 10.929 + 2.15) * 10) / 10.0;
          lab(NPU_HBA1C, days[i], percent, UNIT_PERCENT);
        } else {
          lab(NPU_HBA1C, days[i], Math.round(mmolPerMol), UNIT_MMOL_PER_MOL);
        }
      }
      if (statin != null) {
        n = spread(r, poisson(r, STATIN_REDEMPTIONS_PER_YEAR * share), from, to, false);
        for (int i = 0; i < n; i++) {
          prescription(statin, days[i], r);
        }
      }
    }
    return onset;
  }

  /** COPD: diagnosis, spirometry and inhalers; returns the onset day or -1. */
  private int copd(SplittableRandom r) {
    if (age < 40) {
      return -1;
    }
    double p = COPD_BY_AGE[age < 55 ? 0 : age < 65 ? 1 : age < 75 ? 2 : 3];
    if (r.nextDouble() >= p) {
      return -1;
    }
    int onset = onset(r, COPD_INCIDENT_SHARE, COPD_HISTORY_YEARS, 35);
    if (onset > last) {
      return -1;
    }
    if (r.nextDouble() < COPD_ICD10_SHARE) {
      diagnosis(CodeSystem.ICD10, ICD10_COPD, onset);
    } else {
      diagnosis(CodeSystem.ICPC2, ICPC2_COPD, onset);
    }
    String inhaler = r.nextDouble() < INHALER_SHARE ? INHALERS[pick(r, INHALER_SHARES, 1.0)] : null;
    for (int y = 0; y < 3; y++) {
      int from = Math.max(Math.max(first, onset), yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      double share = yearShare(y, from, to);
      if (r.nextDouble() < SPIROMETRY_PER_YEAR * share) {
        service(FEE_SPIROMETRY, weekday(from + r.nextInt(to - from + 1), from, to));
      }
      if (inhaler != null) {
        int n = spread(r, poisson(r, INHALER_REDEMPTIONS_PER_YEAR * share), from, to, false);
        for (int i = 0; i < n; i++) {
          prescription(inhaler, days[i], r);
        }
      }
    }
    return onset;
  }

  /** The yearly control (fee 0120) of patients with diabetes or COPD, at most one a year. */
  private void annualControls(SplittableRandom r, int diabetesOnset, int copdOnset) {
    if (diabetesOnset < 0 && copdOnset < 0) {
      return;
    }
    double p = diabetesOnset < 0 ? ANNUAL_CONTROL_COPD
        : org.poorHbA1c[clinic] ? ANNUAL_CONTROL_DIABETES_POOR_CLINIC : ANNUAL_CONTROL_DIABETES;
    int onset = diabetesOnset < 0 ? copdOnset : copdOnset < 0 ? diabetesOnset : Math.min(diabetesOnset, copdOnset);
    for (int y = 0; y < 3; y++) {
      int from = Math.max(Math.max(first, onset), yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from <= to && r.nextDouble() < p * yearShare(y, from, to)) {
        int day = weekday(from + r.nextInt(to - from + 1), from, to);
        service(FEE_ANNUAL_CONTROL, day);
        smokingStatus(day, copdOnset >= 0);
      }
    }
  }

  /** Dementia: diagnosis, anti-dementia drugs and, for some, antipsychotics. */
  private void dementia(SplittableRandom r) {
    if (age < 65) {
      return;
    }
    double p = DEMENTIA_BY_AGE[age < 75 ? 0 : age < 85 ? 1 : 2];
    if (r.nextDouble() >= p) {
      return;
    }
    int onset = onset(r, DEMENTIA_INCIDENT_SHARE, DEMENTIA_HISTORY_YEARS, 60);
    if (onset > last) {
      return;
    }
    if (r.nextDouble() < DEMENTIA_ICD10_SHARE) {
      diagnosis(CodeSystem.ICD10, ICD10_DEMENTIA[pick(r, DEMENTIA_ICD10_SHARES, 1.0)], onset);
    } else {
      diagnosis(CodeSystem.ICPC2, ICPC2_DEMENTIA, onset);
    }
    String antiDementia = r.nextDouble() < ANTI_DEMENTIA_SHARE
        ? ANTI_DEMENTIA_DRUGS[pick(r, ANTI_DEMENTIA_DRUG_SHARE, 1.0)] : null;
    String antipsychotic = r.nextDouble() < ANTIPSYCHOTIC_SHARE * org.psychotropicFactor[clinic]
        ? (r.nextDouble() < QUETIAPINE_SHARE ? ATC_QUETIAPINE : ATC_RISPERIDONE) : null;
    for (int y = 0; y < 3; y++) {
      int from = Math.max(Math.max(first, onset), yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      double share = yearShare(y, from, to);
      if (antiDementia != null) {
        int n = spread(r, poisson(r, DRUG_REDEMPTIONS_PER_YEAR * share), from, to, false);
        for (int i = 0; i < n; i++) {
          prescription(antiDementia, days[i], r);
        }
      }
      if (antipsychotic != null) {
        int n = spread(r, poisson(r, DRUG_REDEMPTIONS_PER_YEAR * share), from, to, false);
        for (int i = 0; i < n; i++) {
          prescription(antipsychotic, days[i], r);
        }
      }
    }
  }

  /** Antibiotics for urinary tract infection: women 18+ (more with age), a few men. */
  private void urinaryTractAntibiotics(SplittableRandom r) {
    for (int y = 0; y < 3; y++) {
      double ageThen = age - (2 - y);
      if (ageThen < 18) {
        continue;
      }
      int from = Math.max(first, yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      double rate = (female ? UTI_WOMEN_BY_DECADE[decade(ageThen)] : UTI_MEN_PER_YEAR) * org.antibioticFactor[clinic];
      int n = spread(r, poisson(r, rate * yearShare(y, from, to)), from, to, false);
      for (int i = 0; i < n; i++) {
        prescription(UTI_DRUGS[pick(r, UTI_DRUG_SHARE, 1.0)], days[i], r);
      }
    }
  }

  /** Other antibiotics (penicillin V, clarithromycin) for everyone, more for children. */
  private void otherAntibiotics(SplittableRandom r) {
    for (int y = 0; y < 3; y++) {
      int from = Math.max(first, yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      double rate = (age - (2 - y) < 10 ? OTHER_ANTIBIOTICS_PER_YEAR_CHILD : OTHER_ANTIBIOTICS_PER_YEAR)
          * org.antibioticFactor[clinic];
      int n = spread(r, poisson(r, rate * yearShare(y, from, to)), from, to, false);
      for (int i = 0; i < n; i++) {
        prescription(r.nextDouble() < CLARITHROMYCIN_SHARE ? ATC_CLARITHROMYCIN : ATC_PHENOXYMETHYLPENICILLIN,
            days[i], r);
      }
    }
  }

  /**
   * Antibiotic eye drops, mostly for small children, highest in winter; in cluster {@code k001}
   * fewer after its meeting on 27 February of the measurement year.
   */
  private void eyeDrops(SplittableRandom r) {
    for (int y = 0; y < 3; y++) {
      double ageThen = age - (2 - y);
      int from = Math.max(first, yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      double rate = EYE_DROPS_BY_AGE[ageThen < 5 ? 0 : ageThen < 15 ? 1 : 2] * org.antibioticFactor[clinic];
      int n = Math.min(days.length, poisson(r, rate * yearShare(y, from, to)));
      int made = 0;
      for (int i = 0; i < n; i++) {
        int day = seasonalDay(r, y, from, to);
        if (day >= meetingDay && clusterOn(day) == 0 && r.nextDouble() < EYE_DROP_DROP_AFTER_MEETING) {
          continue;
        }
        if (contains(days, made, day)) {
          continue;
        }
        days[made++] = day;
        prescription(r.nextDouble() < CHLORAMPHENICOL_SHARE ? ATC_CHLORAMPHENICOL_EYE : ATC_FUSIDIC_ACID_EYE, day, r);
      }
    }
  }

  /** Opioids: chronic users through the window, short-term users with one or two redemptions. */
  private void opioids(SplittableRandom r) {
    if (age < 18) {
      return;
    }
    double p = OPIOIDS_BY_AGE[age < 40 ? 0 : age < 60 ? 1 : age < 80 ? 2 : 3] * org.psychotropicFactor[clinic];
    if (r.nextDouble() >= p) {
      return;
    }
    String drug = OPIOIDS[pick(r, OPIOID_SHARES, 1.0)];
    if (r.nextDouble() < CHRONIC_OPIOID_SHARE) {
      for (int y = 0; y < 3; y++) {
        int from = Math.max(first, yearStart[y]);
        int to = Math.min(last, yearStart[y + 1] - 1);
        if (from > to) {
          continue;
        }
        int n = spread(r, poisson(r, CHRONIC_OPIOID_REDEMPTIONS_PER_YEAR * yearShare(y, from, to)), from, to, false);
        for (int i = 0; i < n; i++) {
          prescription(drug, days[i], r);
        }
      }
    } else {
      int start = first + r.nextInt(last - first + 1);
      int n = spread(r, 1 + r.nextInt(2), start, Math.min(last, start + 60), false);
      for (int i = 0; i < n; i++) {
        prescription(drug, days[i], r);
      }
    }
  }

  /** WHO-5 well-being answers of young people aged 12–24. */
  private void wellBeing(SplittableRandom r) {
    for (int y = 0; y < 3; y++) {
      double ageThen = age - (2 - y);
      int from = Math.max(first, yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (ageThen < 12 || ageThen >= 25 || from > to || r.nextDouble() >= WHO5_ANSWER_SHARE) {
        continue;
      }
      long raw = Math.max(0, Math.min(25, Math.round(WHO5_RAW_MEAN + WHO5_RAW_SD * r.nextGaussian())));
      builder.event(id, EventType.ANSWER, CodeSystem.QUESTIONNAIRE, WHO5_TOTAL,
          date(weekday(from + r.nextInt(to - from + 1), from, to)), 4.0 * raw, "", Double.NaN,
          RowLocation.of(EVENTS_SOURCE, ++eventLine));
    }
  }

  /** Consultations (fee 0101), most for small children and the elderly. */
  private void consultations(SplittableRandom r) {
    for (int y = 0; y < 3; y++) {
      double ageThen = age - (2 - y);
      int from = Math.max(first, yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      int band = ageThen < 5 ? 0 : ageThen < 18 ? 1 : ageThen < 45 ? 2 : ageThen < 65 ? 3 : ageThen < 80 ? 4 : 5;
      double rate = CONSULTATIONS_BY_AGE[band] * org.consultationFactor[clinic]
          * (female && ageThen >= 18 ? CONSULTATION_FEMALE_FACTOR : 1.0);
      int n = spread(r, poisson(r, rate * yearShare(y, from, to)), from, to, true);
      for (int i = 0; i < n; i++) {
        service(FEE_CONSULTATION, days[i]);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // events with an end, coded results (from the stream of their own)

  /** Smoking status recorded at an annual control, the same for the patient each time. */
  private void smokingStatus(int day, boolean copd) {
    if (smoking < 0) {
      smoking = pick(extra, copd ? SMOKING_WITH_COPD : SMOKING_WITH_DIABETES, 1.0);
    }
    if (extra.nextDouble() < SMOKING_RECORDED_SHARE) {
      event(EventType.ANSWER, CodeSystem.QUESTIONNAIRE, SMOKING_STATUS, day, SMOKING[smoking]);
    }
  }

  /** Hospital admissions for COPD exacerbation: an SKS diagnosis from admission to discharge. */
  private void copdAdmissions(int onset) {
    if (onset < 0) {
      return;
    }
    SplittableRandom x = extra;
    for (int y = 0; y < 3; y++) {
      int from = Math.max(Math.max(first, onset), yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (from > to) {
        continue;
      }
      int n = poisson(x, COPD_ADMISSIONS_PER_YEAR * yearShare(y, from, to));
      for (int i = 0; i < n; i++) {
        int day = from + x.nextInt(to - from + 1);
        event(EventType.DIAGNOSIS, CodeSystem.SKS, SKS_COPD_EXACERBATION, day,
            endingOn(Math.min(last, day + 2 + x.nextInt(9))));
      }
    }
  }

  /** Hip and knee replacements from 55: an SKS procedure from admission to discharge. */
  private void jointReplacements() {
    if (age < 55) {
      return;
    }
    SplittableRandom x = extra;
    for (int y = 0; y < 3; y++) {
      double ageThen = age - (2 - y);
      int from = Math.max(first, yearStart[y]);
      int to = Math.min(last, yearStart[y + 1] - 1);
      if (ageThen < 55 || from > to) {
        continue;
      }
      double share = yearShare(y, from, to) * (ageThen >= 70 ? 2 : 1);
      if (x.nextDouble() < HIP_REPLACEMENTS_PER_YEAR * share) {
        int day = weekday(from + x.nextInt(to - from + 1), from, to);
        event(EventType.SERVICE, CodeSystem.SKS, SKS_HIP_REPLACEMENT, day, endingOn(Math.min(last, day + 1 + x.nextInt(4))));
      }
      if (x.nextDouble() < KNEE_REPLACEMENTS_PER_YEAR * share) {
        int day = weekday(from + x.nextInt(to - from + 1), from, to);
        event(EventType.SERVICE, CodeSystem.SKS, SKS_KNEE_REPLACEMENT, day, endingOn(Math.min(last, day + 1 + x.nextInt(4))));
      }
    }
  }

  /**
   * A stay in a nursing home from 75, and dose dispensing from 65 (most nursing-home residents):
   * episodes from the first day to the last, or to the as-of date while they last.
   */
  private void nursingHomeAndDoseDispensing() {
    if (age < 65) {
      return;
    }
    SplittableRandom x = extra;
    boolean nursingHome = false;
    if (age >= 75 && x.nextDouble() < NURSING_HOME_BY_AGE[age < 85 ? 0 : 1]) {
      int start = carePeriodStart(x, 70);
      if (start <= last) {
        nursingHome = true;
        event(EventType.EPISODE, CodeSystem.SNOMED, SNOMED_LIVES_IN_NURSING_HOME, start, endingOn(last));
      }
    }
    if (x.nextDouble() < (nursingHome ? DOSE_DISPENSING_IN_NURSING_HOME : DOSE_DISPENSING_BY_AGE[age < 80 ? 0 : 1])) {
      int start = carePeriodStart(x, 65);
      if (start <= last) {
        int from = Math.max(start, windowStart);
        int end = x.nextDouble() < DOSE_DISPENSING_STOP_SHARE ? from + x.nextInt(last - from + 1) : last;
        event(EventType.EPISODE, CodeSystem.FEE, FEE_DOSE_DISPENSING, start, endingOn(end));
      }
    }
  }

  /**
   * The first day of a care period: within the window for some, up to five years before it for
   * the others (not before {@code minimumAge}, nor before an immigrant's listing).
   */
  private int carePeriodStart(SplittableRandom x, int minimumAge) {
    int earliest = first > windowStart ? first : birth + (int) (minimumAge * DAYS_PER_YEAR);
    int day = x.nextDouble() < CARE_PERIOD_INCIDENT_SHARE ? windowStart + x.nextInt(yearEnd - windowStart + 1)
        : windowStart - 1 - x.nextInt(5 * 365);
    return Math.max(day, earliest);
  }

  /**
   * Palliative care: for some of those 50+ who die in the year, 1–26 weeks to the day of death; for
   * a few 60+ alive at the end of the year, from a day in its last half year, ongoing.
   */
  private void palliativeCare() {
    if (age < 50) {
      return;
    }
    double u = extra.nextDouble();
    if (death != PatientData.NO_DATE && u < PALLIATIVE_BEFORE_DEATH_SHARE) {
      int start = Math.max(first, death - 7 - extra.nextInt(176));
      event(EventType.DIAGNOSIS, CodeSystem.ICD10, ICD10_PALLIATIVE_CARE, start, endingOn(death));
    } else if (death == PatientData.NO_DATE && age >= 60 && u < PALLIATIVE_ONGOING_SHARE) {
      event(EventType.DIAGNOSIS, CodeSystem.ICD10, ICD10_PALLIATIVE_CARE, Math.max(first, yearEnd - extra.nextInt(183)),
          EventAttributes.NONE);
    }
  }

  /** Attributes with the end {@code day}, shared. */
  private EventAttributes endingOn(int day) {
    int i = day - dateBase;
    if (i < 0 || i >= endingOn.length) {
      return EventAttributes.NONE.endingOn(date(day));
    }
    EventAttributes a = endingOn[i];
    if (a == null) {
      a = EventAttributes.NONE.endingOn(date(day));
      endingOn[i] = a;
    }
    return a;
  }

  /** Attributes of a redemption whose supply lasts to {@code day}, shared. */
  private EventAttributes redeemedUntil(int day) {
    int i = day - dateBase;
    if (i < 0 || i >= redeemedUntil.length) {
      return EventAttributes.NONE.endingOn(date(day)).withStatus(EventStatus.REDEEMED);
    }
    EventAttributes a = redeemedUntil[i];
    if (a == null) {
      a = EventAttributes.NONE.endingOn(date(day)).withStatus(EventStatus.REDEEMED);
      redeemedUntil[i] = a;
    }
    return a;
  }

  // ---------------------------------------------------------------------------------------------
  // deliberately bad rows

  /**
   * Rows the reconciliation must account for: events of unknown patients, with a negative
   * quantity or before the patient's birth, a repeated patient id (rejected) and exact
   * duplicates of an event (excluded).
   */
  private void badRows() {
    for (int k = 0; k < BAD_ROWS_PER_KIND; k++) {
      String known = firstIds[k];
      int born = firstBirths[k];
      builder.event("unknown-" + (k + 1), EventType.PRESCRIPTION, CodeSystem.ATC, ATC_PIVMECILLINAM,
          date(yearStart[2] + 10 * k), Double.NaN, "", 1, RowLocation.of(EVENTS_SOURCE, ++eventLine));
      builder.event(known, EventType.PRESCRIPTION, CodeSystem.ATC, ATC_PIVMECILLINAM,
          date(Math.max(born, yearStart[2]) + k), Double.NaN, "", -1, RowLocation.of(EVENTS_SOURCE, ++eventLine));
      builder.event(known, EventType.SERVICE, CodeSystem.FEE, FEE_CONSULTATION, date(born - 30 - k),
          Double.NaN, "", Double.NaN, RowLocation.of(EVENTS_SOURCE, ++eventLine));
      builder.patient(known, Sex.FEMALE, date(born), Optional.empty(), RowLocation.of(PATIENTS_SOURCE, ++patientLine));
      // no generated service has a value, so the pair are the only copies of this event
      for (int copy = 0; copy < 2; copy++) {
        builder.event(firstIds[BAD_ROWS_PER_KIND + k], EventType.SERVICE, CodeSystem.FEE, FEE_CONSULTATION,
            date(firstBirths[BAD_ROWS_PER_KIND + k]), 7, "", Double.NaN, RowLocation.of(EVENTS_SOURCE, ++eventLine));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // rows

  private void diagnosis(CodeSystem system, String code, int day) {
    if (carePlanGap(day)) {
      return;
    }
    builder.event(id, EventType.DIAGNOSIS, system, code, date(day), Double.NaN, "", Double.NaN,
        RowLocation.of(EVENTS_SOURCE, ++eventLine));
  }

  /**
   * Whether a care-plan row (diagnosis or lab value) on {@code day} is missing because the
   * patient's clinic then is {@link SyntheticCodes#NO_CARE_PLANS_CLINIC}, which sent no care-plan
   * data in the measurement year.
   */
  private boolean carePlanGap(int day) {
    int clinicThen = moveDay >= 0 && day >= moveDay ? movedTo : clinic;
    return day >= yearStart[2] && org.clinicIds[clinicThen].equals(SyntheticCodes.NO_CARE_PLANS_CLINIC);
  }

  /**
   * A lab result with its status; a few are preceded by a cancelled order and a few are sent
   * twice.
   */
  private void lab(String code, int day, double value, String unit) {
    SplittableRandom x = extra;
    if (x.nextDouble() < LAB_CANCELLED_SHARE) {
      int ordered = day - 1 - x.nextInt(14);
      if (ordered >= first && !carePlanGap(ordered)) {
        builder.event(id, EventType.LAB, CodeSystem.NPU, code, date(ordered), Double.NaN, "", Double.NaN, LAB_CANCELLED,
            RowLocation.of(EVENTS_SOURCE, ++eventLine));
      }
    }
    double u = x.nextDouble();
    EventAttributes status = u < LAB_PRELIMINARY_SHARE ? LAB_PRELIMINARY
        : u < LAB_PRELIMINARY_SHARE + LAB_AMENDED_SHARE ? LAB_AMENDED
        : u < LAB_PRELIMINARY_SHARE + LAB_AMENDED_SHARE + LAB_CORRECTED_SHARE ? LAB_CORRECTED : LAB_FINAL;
    int copies = x.nextDouble() < LAB_RESENT_SHARE ? 2 : 1;
    for (int c = 0; c < copies && !carePlanGap(day); c++) {
      builder.event(id, EventType.LAB, CodeSystem.NPU, code, date(day), value, unit, Double.NaN, status,
          RowLocation.of(EVENTS_SOURCE, ++eventLine));
    }
  }

  /**
   * A redeemed prescription; the quantity is the number of packages (usually one), the end the
   * last day they last. For a few, the prescription written is in the data too (ordered, before);
   * a few are two identical rows, two packages bought the same day.
   */
  private void prescription(String atc, int day, SplittableRandom r) {
    int packages = r.nextInt(8) == 0 ? 2 : 1;
    SplittableRandom x = extra;
    if (x.nextDouble() < ORDERED_SHARE) {
      int written = day - x.nextInt(11);
      if (written >= first) {
        builder.event(id, EventType.PRESCRIPTION, CodeSystem.ATC, atc, date(written), Double.NaN, "", packages, ORDERED,
            RowLocation.of(EVENTS_SOURCE, ++eventLine));
      }
    }
    EventAttributes redeemed = redeemedUntil(day + packages * daysPerPackage(atc) - 1);
    OptionalDouble ddd = SyntheticCodes.dddPerPackage(atc);
    double value = ddd.isPresent() ? packages * ddd.getAsDouble() : Double.NaN;
    String unit = ddd.isPresent() ? SyntheticCodes.UNIT_DDD : "";
    int rows = x.nextDouble() < SECOND_PACKAGE_SHARE ? 2 : 1;
    for (int c = 0; c < rows; c++) {
      builder.event(id, EventType.PRESCRIPTION, CodeSystem.ATC, atc, date(day), value, unit, packages, redeemed,
          RowLocation.of(EVENTS_SOURCE, ++eventLine));
    }
  }

  /** An event without a value, unit or quantity. */
  private void event(EventType type, CodeSystem system, String code, int day, EventAttributes attributes) {
    builder.event(id, type, system, code, date(day), Double.NaN, "", Double.NaN, attributes,
        RowLocation.of(EVENTS_SOURCE, ++eventLine));
  }

  private void service(String fee, int day) {
    builder.event(id, EventType.SERVICE, CodeSystem.FEE, fee, date(day), Double.NaN, "", Double.NaN,
        RowLocation.of(EVENTS_SOURCE, ++eventLine));
  }

  /** The date of an epoch day, from a cache so that no date is allocated twice. */
  private LocalDate date(int day) {
    int i = day - dateBase;
    if (i < 0 || i >= dates.length) {
      return LocalDate.ofEpochDay(day);
    }
    LocalDate d = dates[i];
    if (d == null) {
      d = LocalDate.ofEpochDay(day);
      dates[i] = d;
    }
    return d;
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private static final double AGE_BAND_TOTAL = sum(AGE_BAND_WEIGHT);

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** An index drawn with probability proportional to {@code weights} (which sum to {@code total}). */
  private static int pick(SplittableRandom r, double[] weights, double total) {
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A Poisson draw (Knuth's method; the means here are small). */
  private static int poisson(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double limit = Math.exp(-mean);
    int k = 0;
    double p = r.nextDouble();
    while (p > limit) {
      k++;
      p *= r.nextDouble();
    }
    return k;
  }

  private int decade() {
    return decade(age);
  }

  private static int decade(double years) {
    return Math.min(10, (int) (years / 10));
  }

  /** The share of year {@code y} of the window that {@code [from, to]} covers. */
  private double yearShare(int y, int from, int to) {
    return (to - from + 1) / (double) (yearStart[y + 1] - yearStart[y]);
  }

  /**
   * The day a chronic condition began: within the window for a share of patients, otherwise up to
   * {@code historyYears} before it; never before age {@code minimumAge}.
   */
  private int onset(SplittableRandom r, double incidentShare, int historyYears, int minimumAge) {
    int earliest = birth + (int) (minimumAge * DAYS_PER_YEAR);
    int day = r.nextDouble() < incidentShare
        ? windowStart + r.nextInt(yearEnd - windowStart + 1)
        : windowStart - 1 - r.nextInt(historyYears * 365);
    return Math.max(day, earliest);
  }

  /**
   * Spreads {@code count} events over {@code [from, to]}, one in each of {@code count} equal
   * slots, so no two fall on the same day; writes them to {@link #days}; returns how many.
   */
  private int spread(SplittableRandom r, int count, int from, int to, boolean weekdays) {
    int span = to - from + 1;
    int n = Math.min(Math.min(count, span), days.length);
    for (int i = 0; i < n; i++) {
      int slotFrom = from + (int) ((long) span * i / n);
      int slotTo = from + (int) ((long) span * (i + 1) / n) - 1;
      int day = slotFrom + r.nextInt(slotTo - slotFrom + 1);
      days[i] = weekdays ? weekday(day, slotFrom, slotTo) : day;
    }
    return n;
  }

  /** Moves a Saturday or Sunday to a weekday within {@code [from, to]} when there is one near. */
  private static int weekday(int day, int from, int to) {
    if (to - from < 2) {
      return day;
    }
    int dow = Math.floorMod(day + 3, 7); // 0 = Monday (1970-01-01 was a Thursday)
    if (dow == 5) {
      return day - 1 >= from ? day - 1 : day + 2;
    }
    if (dow == 6) {
      return day + 1 <= to ? day + 1 : day - 2;
    }
    return day;
  }

  /** A day in {@code [from, to]} of window year {@code y}, more likely in winter. */
  private int seasonalDay(SplittableRandom r, int y, int from, int to) {
    int day = from;
    for (int attempt = 0; attempt < 32; attempt++) {
      day = from + r.nextInt(to - from + 1);
      double dayOfYear = day - yearStart[y];
      double density = 1 + EYE_DROP_SEASONALITY * Math.cos(2 * Math.PI * (dayOfYear - 15) / DAYS_PER_YEAR);
      if (r.nextDouble() * (1 + EYE_DROP_SEASONALITY) < density) {
        return day;
      }
    }
    return day;
  }

  /** The cluster index of the patient's clinic on {@code day}, -1 when outside any cluster. */
  private int clusterOn(int day) {
    int c = moveDay >= 0 && day >= moveDay ? movedTo : clinic;
    return day >= julyFirst ? org.clusterAfter[c] : org.clusterBefore[c];
  }

  private static boolean contains(int[] values, int n, int value) {
    for (int i = 0; i < n; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
