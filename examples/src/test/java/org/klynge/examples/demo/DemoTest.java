package org.klynge.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Outcome;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.result.Level;

class DemoTest {

  @Test
  void run_unknownPackage_namesTheKnownOnes(@TempDir Path out) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Demo.run(new Demo.Settings(out,
        0.002, 42, 2024, Demo.defaultCluster(), 2, false, Locale.ENGLISH, Optional.of("diabetes")),
        new PrintWriter(new StringWriter())));
    assertTrue(e.getMessage().contains("no package 'diabetes' in the catalogue; the packages are type-2-diabetes,"),
        e.getMessage());
  }

  @Test
  void run_smallScale_writesResultsReportAndPatientList(@TempDir Path out) throws Exception {
    StringWriter log = new StringWriter();
    var output = Demo.run(new Demo.Settings(out, 0.003, 42, 2024, Demo.defaultCluster(), 2, true), new PrintWriter(log));
    assertTrue(Files.exists(out.resolve("results.csv")), log.toString());
    assertTrue(Files.exists(out.resolve("results.json")));
    assertTrue(Files.exists(out.resolve("extract").resolve("events.csv")));
    // one Danish report per package, and an index that links them
    String index = Files.readString(out.resolve("index.html"));
    assertTrue(index.contains("<html lang=\"da\">"), index);
    int drawn = 0;
    for (ClusterPackage pkg : output.definitions().packages()) {
      Path report = out.resolve("report-" + Demo.defaultCluster() + "-" + pkg.id() + ".html");
      String html = Files.readString(report);
      // at this small scale a package's clinics may all be suppressed: the figure then says so
      assertTrue(html.contains("<figure class=\"chart funnel\">") && html.contains("<figure class=\"chart run\">"),
          report.toString());
      drawn += html.contains("<svg class=\"funnel-plot\"") && html.contains("<svg class=\"run-chart\"") ? 1 : 0;
      assertTrue(html.contains("<html lang=\"da\">"), report.toString());
      assertTrue(index.contains("href=\"" + report.getFileName() + "\""), report.getFileName().toString());
      assertTrue(output.files().contains(report));
    }
    assertTrue(drawn > 0, "some package's report draws both charts");
    // a yearly share is charted as rolling 12 months, the eye-drop package by month
    String diabetes = Files.readString(out.resolve("report-" + Demo.defaultCluster() + "-type-2-diabetes.html"));
    assertTrue(diabetes.contains("Hvert punkt: de 12 måneder, der slutter med den viste måned"), "rolling 12 months");
    String eye = Files.readString(out.resolve("report-" + Demo.defaultCluster() + "-eye-infection-antibiotics.html"));
    assertTrue(eye.contains("Hvert punkt: én kalendermåned."), "months");
    Path list = out.resolve("patients-" + output.clinicId() + "-dvdd-1f-hba1c-measured.csv");
    assertTrue(Files.readAllLines(list).get(0).startsWith("patient_id,"), list.toString());
    // every catalogue indicator has a nation row for every period the reports read
    long nationRows = output.results().rows().stream().filter(r -> r.level() == Level.NATION).count();
    long periods = Demo.periods(2024, output.definitions(), output.definitions().packages()).size();
    assertEquals(25, periods, "the year, its months, 11 more rolling years (the one ending in December is the year)"
        + " and the eye-drop package's January–July");
    assertEquals(output.definitions().indicators().size() * periods, nationRows);
    // the deliberately bad rows are reported, not lost
    assertTrue(output.extract().reconciliation().total(Outcome.REJECTED) > 0);
    assertFalse(log.toString().isBlank());
  }
}
