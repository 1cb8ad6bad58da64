package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RowPipelineTest {

  @Test
  void take_parserRunsOutOfMemory_rethrowsInsteadOfWaitingForever() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (RowPipeline pipeline = new RowPipeline("events.csv", sink -> {
        throw oom;
      })) {
        assertSame(oom, assertThrows(OutOfMemoryError.class, pipeline::take));
      }
    });
  }
}
