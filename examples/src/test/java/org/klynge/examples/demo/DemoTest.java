package org.klynge.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Outcome;
import org.klynge.core.result.Level;

class DemoTest {

  @Test
  void run_smallScale_writesResultsReportAndPatientList(@TempDir Path out) throws Exception {
    StringWriter log = new StringWriter();
    var output = Demo.run(new Demo.Settings(out, 0.003, 42, 2024, Demo.defaultCluster(), 2, true), new PrintWriter(log));
    assertTrue(Files.exists(out.resolve("results.csv")), log.toString());
    assertTrue(Files.exists(out.resolve("results.json")));
    assertTrue(Files.exists(out.resolve("extract").resolve("events.csv")));
    Path report = out.resolve("report-" + Demo.defaultCluster() + ".html");
    String html = Files.readString(report);
    assertTrue(html.contains("<svg class=\"funnel-plot\"") && html.contains("<svg class=\"run-chart\""), report.toString());
    assertTrue(output.files().contains(report));
    Path list = out.resolve("patients-" + output.clinicId() + "-dvdd-1f-hba1c-measured.csv");
    assertTrue(Files.readAllLines(list).get(0).startsWith("patient_id,"), list.toString());
    // every catalogue indicator has a nation row for the year and for each month
    long nationRows = output.results().rows().stream().filter(r -> r.level() == Level.NATION).count();
    assertEquals(output.definitions().indicators().size() * 13L, nationRows);
    // the deliberately bad rows are reported, not lost
    assertTrue(output.extract().reconciliation().total(Outcome.REJECTED) > 0);
    assertFalse(log.toString().isBlank());
  }
}
