package org.klynge.core.io;

import java.util.ArrayList;
import java.util.List;
import org.klynge.core.data.CodeDictionary;
import org.klynge.core.data.Extract;
import org.klynge.core.data.PatientData;
import org.klynge.core.model.Organisation;

/**
 * An extract as lines of text, read through the public accessors only, so two extracts can be
 * compared with a readable difference. Code and unit ids are replaced by what they stand for,
 * since they depend on the order rows were read.
 */
final class ExtractDump {

  private ExtractDump() {}

  static List<String> of(Extract extract) {
    List<String> lines = new ArrayList<>(organisation(extract.organisation()));
    extract.asOf().forEach((source, date) -> lines.add("as of " + source + " " + date));
    lines.addAll(patients(extract.patients()));
    return lines;
  }

  static List<String> organisation(Organisation o) {
    List<String> lines = new ArrayList<>();
    o.regions().values().forEach(r -> lines.add(r.toString()));
    o.municipalities().values().forEach(m -> lines.add(m.toString()));
    o.clusters().values().forEach(c -> lines.add(c.toString()));
    o.clinics().values().forEach(c -> lines.add(c.toString()));
    o.practitioners().values().forEach(p -> lines.add(p.toString()));
    o.clusterMemberships().forEach(m -> lines.add("cluster membership " + m));
    o.regionMemberships().forEach(m -> lines.add("region membership " + m));
    return lines;
  }

  static List<String> patients(PatientData data) {
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < data.patientCount(); p++) {
      lines.add("patient " + data.patientId(p) + " " + data.sex(p) + " born " + PatientData.date(data.birthDay(p))
          + " died " + day(data.deathDay(p)));
      for (int l = data.listingStart(p); l < data.listingEnd(p); l++) {
        lines.add("  listed " + data.clinicId(data.listingClinic(l)) + " " + PatientData.date(data.listingFrom(l))
            + ".." + day(data.listingTo(l)));
      }
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        CodeDictionary.Entry entry = data.codes().entry(data.eventCode(e));
        int unit = data.eventUnit(e);
        lines.add("  " + PatientData.date(data.eventDay(e)) + " " + entry.type() + " " + entry.code()
            + " value=" + data.eventValue(e) + " unit=" + (unit < 0 ? "-" : data.units().get(unit))
            + " quantity=" + data.eventQuantity(e) + end(data, e, entry)
            + (data.eventValueCode(e) < 0 ? "" : " coded=" + data.valueCodes().entry(data.eventValueCode(e)).code())
            + data.eventStatus(e).map(s -> " status=" + s.code()).orElse(""));
      }
    }
    return lines;
  }

  /** The end where it is not the default one of the event's type. */
  private static String end(PatientData data, int e, CodeDictionary.Entry entry) {
    int end = data.eventEndDay(e);
    int byDefault = PatientData.opensByDefault(entry.type()) ? PatientData.NO_DATE : data.eventDay(e);
    return end == byDefault ? "" : " end=" + day(end);
  }

  private static String day(int day) {
    return day == PatientData.NO_DATE ? "-" : PatientData.date(day).toString();
  }
}
