package org.klynge.spark;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.engine.PartialResult;
import org.klynge.core.io.ExtractTable;
import org.klynge.core.io.PatientRowReader;
import org.klynge.core.model.EventType;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction3;

/**
 * What runs on an executor for one partition: the partition's patients, listings and events (all
 * rows of its patients, each table sorted by patient) become an {@link Extract} through
 * {@link PatientRowReader}, with the checks of the CSV reader, and the shipped evaluator evaluates
 * it to one {@link PartialResult}.
 */
final class PartEvaluation extends AbstractFunction3<Iterator<Row>, Iterator<Row>, Iterator<Row>, Iterator<PartialResult>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ShippedEvaluator> evaluator;
  private final Broadcast<ShippedOrganisation> organisation;
  private final List<String> patientColumns;
  private final List<String> listingColumns;
  private final List<String> eventColumns;
  private final TreeMap<String, LocalDate> asOf;
  private final EnumMap<EventType, DuplicatePolicy> duplicates;
  private final List<MeasurementPeriod> periods;

  PartEvaluation(Broadcast<ShippedEvaluator> evaluator, Broadcast<ShippedOrganisation> organisation,
      List<String> patientColumns, List<String> listingColumns, List<String> eventColumns, Map<String, LocalDate> asOf,
      Map<EventType, DuplicatePolicy> duplicates, List<MeasurementPeriod> periods) {
    this.evaluator = evaluator;
    this.organisation = organisation;
    this.patientColumns = List.copyOf(patientColumns);
    this.listingColumns = List.copyOf(listingColumns);
    this.eventColumns = List.copyOf(eventColumns);
    this.asOf = new TreeMap<>(asOf);
    this.duplicates = new EnumMap<>(EventType.class);
    this.duplicates.putAll(duplicates);
    this.periods = List.copyOf(periods);
  }

  @Override
  public Iterator<PartialResult> apply(Iterator<Row> patients, Iterator<Row> listings, Iterator<Row> events) {
    Evaluator compiled = evaluator.value().evaluator();
    PatientRowReader reader = PatientRowReader.create(organisation.value().organisation(),
        compiled.definitions().declaredSystems(), duplicates);
    asOf.forEach(reader::asOf);
    // patients first: listings and events refer to them
    read(reader.start(ExtractTable.PATIENTS, SparkEvaluator.PATIENTS, patientColumns), patients,
        patientColumns.size());
    read(reader.start(ExtractTable.LISTINGS, SparkEvaluator.LISTINGS, listingColumns), listings,
        listingColumns.size());
    read(reader.start(ExtractTable.EVENTS, SparkEvaluator.EVENTS, eventColumns), events,
        eventColumns.size());
    Extract part = reader.build();
    PartialResult result = compiled.evaluatePart(part, new EvaluationOptions(
        ImmutableList.copyOf(periods), 1, 1));
    return CollectionConverters.asScala(List.of(result).iterator());
  }

  private static void read(PatientRowReader.Table table, Iterator<Row> rows, int width) {
    String[] fields = new String[width];
    while (rows.hasNext()) {
      Row row = rows.next();
      RowText.fill(row, fields);
      table.row(fields, RowText.line(row, width));
    }
  }
}
