package org.klynge.examples.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.klynge.core.data.PatientData;
import org.klynge.core.model.UnitConversion;
import org.klynge.core.result.Level;
import org.klynge.core.result.UnitIds;

/**
 * The same six indicators as one hand-written DuckDB query: per-patient flags with
 * {@code FILTER} aggregates, then {@code GROUP BY ROLLUP (region, cluster, clinic)}. The data is
 * loaded through DuckDB's appender from the same columnar arrays the engine reads; unit
 * conversion factors are the same numbers the engine uses.
 */
final class DuckDbBaseline implements AutoCloseable {

  private final Connection connection;

  DuckDbBaseline(int threads) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET preserve_insertion_order = false");
    }
  }

  /** Loads patients, listings, events, codes, units and the clinic roll-up into in-memory tables. */
  void load(PatientData d, OrganisationUnits units) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE patients (p INTEGER, female BOOLEAN, birth_day INTEGER, death_day INTEGER)");
      s.execute("CREATE TABLE listings (p INTEGER, clinic INTEGER, from_day INTEGER, to_day INTEGER)");
      s.execute("CREATE TABLE events (p INTEGER, code INTEGER, day INTEGER, value DOUBLE, unit INTEGER)");
      s.execute("CREATE TABLE codes (id INTEGER, type VARCHAR, system VARCHAR, code VARCHAR)");
      s.execute("CREATE TABLE units (id INTEGER, scale DOUBLE, \"offset\" DOUBLE)");
      s.execute("CREATE TABLE clinic_units (clinic INTEGER, clinic_id VARCHAR, cluster VARCHAR, region VARCHAR)");
    }
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "patients")) {
      for (int p = 0; p < d.patientCount(); p++) {
        a.beginRow().append(p).append(d.sexCode(p) == 0).append(d.birthDay(p));
        if (d.deathDay(p) == PatientData.NO_DATE) {
          a.appendNull();
        } else {
          a.append(d.deathDay(p));
        }
        a.endRow();
      }
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "listings")) {
      for (int p = 0; p < d.patientCount(); p++) {
        for (int l = d.listingStart(p); l < d.listingEnd(p); l++) {
          a.beginRow().append(p).append(d.listingClinic(l)).append(d.listingFrom(l)).append(d.listingTo(l)).endRow();
        }
      }
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
      for (int p = 0; p < d.patientCount(); p++) {
        for (int e = d.eventStart(p); e < d.eventEnd(p); e++) {
          a.beginRow().append(p).append(d.eventCode(e)).append(d.eventDay(e));
          double v = d.eventValue(e);
          if (Double.isNaN(v)) {
            a.appendNull();
          } else {
            a.append(v);
          }
          a.append(d.eventUnit(e)).endRow();
        }
      }
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "codes")) {
      for (int i = 0; i < d.codes().size(); i++) {
        var entry = d.codes().entry(i);
        a.beginRow().append(i).append(entry.type().code()).append(entry.code().system().id())
            .append(entry.code().value()).endRow();
      }
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "units")) {
      for (int u = -1; u < d.units().size(); u++) {
        var linear = UnitConversion.between(u < 0 ? "" : d.units().get(u), UnitConversion.MMOL_PER_MOL);
        a.beginRow().append(u);
        if (linear.isPresent()) {
          a.append(linear.get().scale()).append(linear.get().offset());
        } else {
          a.appendNull().appendNull();
        }
        a.endRow();
      }
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "clinic_units")) {
      for (int c = 0; c < units.clinic().length; c++) {
        a.beginRow().append(c).append(units.clinic()[c]).append(units.cluster()[c]).append(units.region()[c]).endRow();
      }
    }
  }

  /** The query for a period: one pass over events per patient, then the roll-up. */
  static String query(LocalDate start, LocalDate reference) {
    int s = (int) start.toEpochDay();
    int r = (int) reference.toEpochDay();
    int rp = reference.getYear() * 10000 + reference.getMonthValue() * 100 + reference.getDayOfMonth();
    return """
        WITH flags AS (
          SELECT id,
            type = 'diagnosis' AND ((system = 'icpc2' AND starts_with(code, 'T90')) OR (system = 'icd10' AND starts_with(code, 'DE11'))) AS t2d,
            type = 'lab' AND system = 'npu' AND code = 'NPU27300' AS hba1c,
            type = 'prescription' AND system = 'atc' AND starts_with(code, 'C10AA') AS statin,
            type = 'service' AND system = 'fee' AND code = '0120' AS control,
            type = 'prescription' AND system = 'atc' AND (starts_with(code, 'J01CA08') OR starts_with(code, 'J01EB02')
                OR starts_with(code, 'J01XE01') OR starts_with(code, 'J01EA01')) AS uti,
            type = 'diagnosis' AND ((system = 'icpc2' AND starts_with(code, 'P70')) OR (system = 'icd10' AND (starts_with(code, 'DF00')
                OR starts_with(code, 'DF01') OR starts_with(code, 'DF02') OR starts_with(code, 'DF03')))) AS dementia,
            type = 'prescription' AND system = 'atc' AND starts_with(code, 'N06D') AS anti_dementia,
            type = 'prescription' AND system = 'atc' AND starts_with(code, 'N05A') AS antipsychotic
          FROM codes),
        attributed AS (
          SELECT p.p, l.clinic, p.female,
                 (%3$d - (year(make_date(1970, 1, 1) + p.birth_day) * 10000 + month(make_date(1970, 1, 1) + p.birth_day) * 100
                   + day(make_date(1970, 1, 1) + p.birth_day))) // 10000 AS age
          FROM patients p JOIN listings l ON l.p = p.p AND l.from_day <= %2$d AND l.to_day >= %2$d
          WHERE p.death_day IS NULL OR p.death_day >= %2$d),
        per_patient AS (
          SELECT e.p,
            bool_or(f.t2d) AS t2d,
            bool_or(f.dementia) AS dementia,
            bool_or(f.hba1c AND e.day >= %1$d) AS measured,
            bool_or(f.statin AND e.day >= %1$d) AS statin,
            bool_or(f.control AND e.day >= %1$d) AS control,
            bool_or(f.anti_dementia AND e.day >= %1$d) AS anti_dementia,
            bool_or(f.antipsychotic AND e.day >= %1$d) AS antipsychotic,
            count(*) FILTER (WHERE f.uti AND e.day >= %1$d) AS uti_events,
            arg_max(u.scale * e.value + u."offset", {'d': e.day, 'v': u.scale * e.value + u."offset"})
              FILTER (WHERE f.hba1c AND e.day >= %1$d AND e.value IS NOT NULL AND u.scale IS NOT NULL) AS latest
          FROM events e JOIN flags f ON f.id = e.code JOIN units u ON u.id = e.unit
          WHERE e.day <= %2$d AND (f.t2d OR f.hba1c OR f.statin OR f.control OR f.uti OR f.dementia OR f.anti_dementia OR f.antipsychotic)
          GROUP BY e.p),
        joined AS (
          SELECT a.clinic, a.female, a.age,
                 a.age >= 18 AND coalesce(x.t2d, false) AS diabetic,
                 coalesce(x.measured, false) AS measured, x.latest,
                 coalesce(x.statin, false) AS statin, coalesce(x.control, false) AS control,
                 coalesce(x.uti_events, 0) AS uti_events,
                 a.age >= 65 AND (coalesce(x.dementia, false) OR coalesce(x.anti_dementia, false)) AS demented,
                 coalesce(x.antipsychotic, false) AS antipsychotic
          FROM attributed a LEFT JOIN per_patient x ON x.p = a.p)
        SELECT cu.region, cu.cluster, cu.clinic_id, grouping(cu.region, cu.cluster, cu.clinic_id) AS g,
          count(*) FILTER (WHERE diabetic) AS diabetics,
          count(*) FILTER (WHERE diabetic AND measured) AS measured,
          count(*) FILTER (WHERE diabetic AND measured AND latest > 58) AS above,
          count(*) FILTER (WHERE diabetic AND statin) AS statin,
          count(*) FILTER (WHERE diabetic AND control) AS control,
          count(*) FILTER (WHERE female AND age >= 18) AS women,
          coalesce(sum(uti_events) FILTER (WHERE female AND age >= 18), 0) AS uti_events,
          count(*) FILTER (WHERE demented) AS demented,
          count(*) FILTER (WHERE demented AND antipsychotic) AS demented_antipsychotic
        FROM joined j JOIN clinic_units cu ON cu.clinic = j.clinic
        GROUP BY ROLLUP (cu.region, cu.cluster, cu.clinic_id)
        """.formatted(s, r, rp);
  }

  /** Runs the query and returns the counts. */
  BenchCounts run(LocalDate start, LocalDate reference) throws SQLException {
    BenchCounts out = new BenchCounts();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query(start, reference))) {
      while (rs.next()) {
        int g = rs.getInt("g");
        Level level;
        String unit;
        if (g == 0) {
          level = Level.CLINIC;
          unit = rs.getString("clinic_id");
        } else if (g == 1) {
          level = Level.CLUSTER;
          unit = rs.getString("cluster");
        } else if (g == 3) {
          level = Level.REGION;
          unit = rs.getString("region");
        } else {
          level = Level.NATION;
          unit = UnitIds.NATION;
        }
        long diabetics = rs.getLong("diabetics");
        if (diabetics > 0) {
          out.add("hba1c-measured", level, unit, diabetics, rs.getLong("measured"));
          out.add("hba1c-above-58", level, unit, rs.getLong("measured"), rs.getLong("above"));
          out.add("statin-treated", level, unit, diabetics, rs.getLong("statin"));
          out.add("annual-control", level, unit, diabetics, rs.getLong("control"));
        }
        if (rs.getLong("women") > 0) {
          out.add("uti-per-1000-women", level, unit, rs.getLong("women"), rs.getLong("uti_events"));
        }
        if (rs.getLong("demented") > 0) {
          out.add("dementia-antipsychotics", level, unit, rs.getLong("demented"), rs.getLong("demented_antipsychotic"));
        }
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
