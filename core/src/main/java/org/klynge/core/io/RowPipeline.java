package org.klynge.core.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses a CSV file on a second thread while the calling thread checks the rows and builds the
 * extract: the parser hands over batches of rows, in file order, through a small bounded queue.
 * Parsing and checking take about as long as each other, so a file is read in about half the
 * time on two cores. A parse error is rethrown to the caller as it was thrown.
 */
final class RowPipeline implements AutoCloseable {

  /** Rows per batch handed from the parsing thread to the caller. */
  static final int BATCH_ROWS = 4096;
  /** Batches that may wait in the queue. */
  private static final int QUEUE_BATCHES = 8;

  /** A batch of rows: fields, field counts and line numbers. */
  static final class Batch {
    final String[][] fields = new String[BATCH_ROWS][];
    final int[] counts = new int[BATCH_ROWS];
    final long[] lines = new long[BATCH_ROWS];
    int size;
  }

  private static final Batch END = new Batch();

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
  private final Thread parser;
  private volatile IOException failure;

  /** Starts parsing the rows after the header on a new thread. */
  RowPipeline(CsvExtractReader.Rows rows, String source) {
    parser = new Thread(() -> parse(rows), "klynge-csv-" + source);
    parser.setDaemon(true);
    parser.start();
  }

  private void parse(CsvExtractReader.Rows rows) {
    try {
      Batch batch = new Batch();
      while (rows.next()) {
        batch.fields[batch.size] = Arrays.copyOf(rows.fields(), rows.count());
        batch.counts[batch.size] = rows.count();
        batch.lines[batch.size] = rows.line();
        if (++batch.size == BATCH_ROWS) {
          queue.put(batch);
          batch = new Batch();
        }
      }
      if (batch.size > 0) {
        queue.put(batch);
      }
    } catch (IOException e) {
      failure = e;
    } catch (UncheckedIOException e) {
      failure = e.getCause();
    } catch (InterruptedException e) {
      return; // the reader stopped early (closed); nobody waits for more rows
    } catch (RuntimeException e) {
      failure = new IOException("cannot parse: " + e.getMessage(), e);
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next batch in file order, or {@code null} after the last; rethrows a parse error. */
  Batch take() throws IOException {
    Batch batch;
    try {
      batch = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
    if (batch == END) {
      if (failure != null) {
        throw failure;
      }
      return null;
    }
    return batch;
  }

  /** Stops the parsing thread if the caller stops early, and waits for it. */
  @Override
  public void close() {
    if (parser.isAlive()) {
      parser.interrupt();
      queue.clear();
      try {
        parser.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
