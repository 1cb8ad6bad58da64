package org.klynge.core.io;

import com.google.common.collect.ImmutableList;

/**
 * The files (or tables) of an extract, in the order they are read, with their columns. Column
 * names are matched case-insensitively and in any order; extra columns are ignored. A required
 * column must be present (its values may still be optional, such as {@code valid_to}); an
 * optional column may be left out altogether.
 */
public enum ExtractTable {
  /** The regions: {@code region_id, name}. */
  REGIONS("regions", "regions.csv", true, true, ImmutableList.of("region_id", "name"), ImmutableList.of()),
  /** The municipalities, optional: {@code municipality_id, name, region_id}. */
  MUNICIPALITIES("municipalities", "municipalities.csv", true, false,
      ImmutableList.of("municipality_id", "name", "region_id"), ImmutableList.of()),
  /** The clusters: {@code cluster_id, name} and optionally {@code municipality_id}. */
  CLUSTERS("clusters", "clusters.csv", true, true,
      ImmutableList.of("cluster_id", "name"), ImmutableList.of("municipality_id")),
  /** The clinics: {@code clinic_id, name, provider_number}. */
  CLINICS("clinics", "clinics.csv", true, true,
      ImmutableList.of("clinic_id", "name", "provider_number"), ImmutableList.of()),
  /** The practitioners, optional: {@code practitioner_id, name, clinic_id}. */
  PRACTITIONERS("practitioners", "practitioners.csv", true, false,
      ImmutableList.of("practitioner_id", "name", "clinic_id"), ImmutableList.of()),
  /** Clinic → cluster memberships: {@code clinic_id, cluster_id, valid_from}, optionally {@code valid_to}. */
  CLUSTER_MEMBERSHIPS("cluster_memberships", "cluster_memberships.csv", true, true,
      ImmutableList.of("clinic_id", "cluster_id", "valid_from"), ImmutableList.of("valid_to")),
  /** Cluster → region memberships: {@code cluster_id, region_id, valid_from}, optionally {@code valid_to}. */
  CLUSTER_REGIONS("cluster_regions", "cluster_regions.csv", true, true,
      ImmutableList.of("cluster_id", "region_id", "valid_from"), ImmutableList.of("valid_to")),
  /**
   * The date each source's data is complete to, optional: {@code source, as_of_date}; the file
   * is {@code asof.csv}, the table {@code as_of} ({@code asof} is a keyword in some SQL dialects).
   */
  AS_OF("as_of", "asof.csv", true, false, ImmutableList.of("source", "as_of_date"), ImmutableList.of()),
  /** The patients: {@code patient_id, sex, birth_date}, optionally {@code death_date}. */
  PATIENTS("patients", "patients.csv", false, true,
      ImmutableList.of("patient_id", "sex", "birth_date"), ImmutableList.of("death_date")),
  /** The listings: {@code patient_id, clinic_id, valid_from}, optionally {@code valid_to}. */
  LISTINGS("listings", "listings.csv", false, true,
      ImmutableList.of("patient_id", "clinic_id", "valid_from"), ImmutableList.of("valid_to")),
  /**
   * The events: {@code patient_id, type, system, code, date}, optionally {@code value, unit,
   * quantity, end_date, value_code, status, event_id}.
   */
  EVENTS("events", "events.csv", false, true,
      ImmutableList.of("patient_id", "type", "system", "code", "date"),
      ImmutableList.of("value", "unit", "quantity", "end_date", "value_code", "status", "event_id"));

  private final String tableName;
  private final String fileName;
  private final boolean fatal;
  private final boolean required;
  private final ImmutableList<String> requiredColumns;
  private final ImmutableList<String> optionalColumns;

  ExtractTable(String tableName, String fileName, boolean fatal, boolean required,
      ImmutableList<String> requiredColumns, ImmutableList<String> optionalColumns) {
    this.tableName = tableName;
    this.fileName = fileName;
    this.fatal = fatal;
    this.required = required;
    this.requiredColumns = requiredColumns;
    this.optionalColumns = optionalColumns;
  }

  /** The table name, e.g. {@code patients}: the default JDBC table and the source its rows are counted under. */
  public String tableName() {
    return tableName;
  }

  /** The file name in an extract folder, e.g. {@code patients.csv}. */
  public String fileName() {
    return fileName;
  }

  /** Whether an extract must have this file or table. */
  public boolean required() {
    return required;
  }

  /**
   * Whether a bad row is fatal (the organisation and the as-of dates) rather than rejected and
   * counted (patients, listings, events).
   */
  public boolean fatal() {
    return fatal;
  }

  /** The columns that must be present. */
  public ImmutableList<String> requiredColumns() {
    return requiredColumns;
  }

  /** The columns that may be left out. */
  public ImmutableList<String> optionalColumns() {
    return optionalColumns;
  }

  /** Every column, required first, in the order the writer uses. */
  public ImmutableList<String> columns() {
    return ImmutableList.<String>builder().addAll(requiredColumns).addAll(optionalColumns).build();
  }
}
