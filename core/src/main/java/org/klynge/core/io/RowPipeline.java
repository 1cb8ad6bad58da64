package org.klynge.core.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses a file on a second thread while the calling thread checks the rows and builds the
 * extract: the parser hands over batches of rows, in file order, through a small bounded queue.
 * A parse error is rethrown to the caller as it was thrown; so is an error of the parsing thread
 * (out of memory, above all), which would otherwise leave the caller waiting for rows forever.
 */
final class RowPipeline implements AutoCloseable {

  /** Makes the batches of one file, in order. */
  interface Producer {
    void produce(Sink sink) throws IOException, InterruptedException;
  }

  /** Where a producer puts its batches; waits while the queue is full. */
  interface Sink {
    void put(RowBatch batch) throws InterruptedException;
  }

  /** Rows per batch of text rows. */
  static final int BATCH_ROWS = 4096;
  /** Batches that may wait in the queue. */
  private static final int QUEUE_BATCHES = 6;

  private static final RowBatch END = new TextBatch();

  private final BlockingQueue<RowBatch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
  private final Thread parser;
  private volatile IOException failure;
  private volatile Error error;

  /** Starts {@code producer} on a new thread named after {@code source}. */
  RowPipeline(String source, Producer producer) {
    parser = new Thread(() -> run(producer), "klynge-csv-" + source);
    parser.setDaemon(true);
    parser.start();
  }

  private void run(Producer producer) {
    try {
      producer.produce(queue::put);
    } catch (IOException e) {
      failure = e;
    } catch (UncheckedIOException e) {
      failure = e.getCause();
    } catch (InterruptedException e) {
      return; // the reader stopped early (closed); nobody waits for more rows
    } catch (RuntimeException e) {
      failure = new IOException("cannot parse: " + e.getMessage(), e);
    } catch (Error e) {
      error = e;
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Hands over {@code rows} (after the header) in batches of text rows. When the parser fails,
   * the rows before the fault are handed over first, so they are checked as they would be
   * whatever the batch size.
   */
  static void textBatches(CsvExtractReader.Rows rows, Sink sink) throws IOException, InterruptedException {
    TextBatch batch = new TextBatch();
    try {
      while (rows.next()) {
        batch.fields[batch.size] = Arrays.copyOf(rows.fields(), rows.count());
        batch.lines[batch.size] = rows.line();
        if (++batch.size == BATCH_ROWS) {
          sink.put(batch);
          batch = new TextBatch();
        }
      }
    } finally {
      if (batch.size > 0) {
        sink.put(batch);
      }
    }
  }

  /** The next batch in file order, or {@code null} after the last; rethrows a parse error. */
  RowBatch take() throws IOException {
    RowBatch batch;
    try {
      batch = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
    if (batch == END) {
      if (error != null) {
        throw error;
      }
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

  /** A batch of rows as text, each row its own array. */
  private static final class TextBatch implements RowBatch {
    private final String[][] fields = new String[BATCH_ROWS][];
    private final long[] lines = new long[BATCH_ROWS];
    private final Row.OfText view = new Row.OfText();
    private int size;

    @Override
    public int size() {
      return size;
    }

    @Override
    public Row row(int r) {
      return view.set(fields[r], fields[r].length, lines[r]);
    }
  }
}
