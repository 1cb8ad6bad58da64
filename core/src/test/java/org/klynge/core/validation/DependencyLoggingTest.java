package org.klynge.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.DefinitionSet;

/** Checking definitions prints nothing of its dependencies' own: no "HV000001: Hibernate Validator …" at start-up. */
class DependencyLoggingTest {

  @Test
  void check_hibernateValidatorsVersionLine_isNotLogged() {
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (Logger.getLogger(record.getLoggerName()).isLoggable(record.getLevel())) {
          records.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      DefinitionChecker.check(DefinitionSet.empty(), "empty");
    } finally {
      root.removeHandler(capture);
    }
    assertEquals(Level.WARNING, Logger.getLogger("org.hibernate.validator.internal.util.Version").getLevel());
    assertTrue(records.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains("HV000001")), records::toString);
  }
}
