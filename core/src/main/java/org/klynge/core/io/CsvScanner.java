package org.klynge.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the common form of CSV straight from a file's bytes into {@link ScannedBatch}es, without
 * decoding the text or making a string per field: UTF-8 (with or without a byte-order mark),
 * {@code \n} or {@code \r\n} line ends, fields quoted or not, doubled quotes in quoted fields,
 * spaces around fields and lines that are blank.
 *
 * <p>It reads exactly as the Jackson CSV parser that {@link CsvExtractReader} uses otherwise
 * (skipping empty lines and trimming spaces), and stops at the first row it is not sure about:
 * a lone {@code \r}, a control character outside quotes, bytes that are not well-formed UTF-8,
 * text after a closing quote, a quote left open, or a last row without a line end. The reader
 * then goes on from the start of that row with Jackson, which gives the same rows or the same
 * error it would have given for the whole file.
 */
final class CsvScanner {

  /**
   * Bytes read at a time; a batch holds the rows that end in one chunk. Small enough that a
   * batch's arrays are ordinary objects, not humongous ones, for the garbage collector.
   */
  static final int CHUNK = 1 << 20;

  private static final int ROW = 0;
  private static final int END = 1;
  private static final int MORE = 2;
  private static final int STOP = 3;

  private final FileChannel channel;
  private final int chunk;
  private byte[] buf = new byte[0];
  private int limit;
  private long bufferOffset;
  private long readOffset;
  private boolean eof;
  private boolean needMore = true;
  private boolean done;
  private boolean stopped;
  /** Where the next row starts in {@code buf}, and its line. */
  private int pos;
  private long line = 1;
  private int rowsHint = 1024;
  private int fieldsHint = 8192;

  CsvScanner(FileChannel channel) {
    this(channel, CHUNK);
  }

  /** A scanner reading {@code chunk} bytes at a time (small chunks test rows across chunks). */
  CsvScanner(FileChannel channel, int chunk) {
    this.channel = channel;
    this.chunk = chunk;
  }

  /**
   * Reads the first row, the header: its fields and line, or empty when the scanner cannot read
   * it (then it reads nothing more).
   */
  Optional<Header> header() throws IOException {
    fill();
    if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
      pos = 3;
    }
    ScannedBatch batch = new ScannedBatch(buf, 1, 16);
    int status;
    while ((status = scanRow(batch)) == MORE) {
      fill();
      batch = new ScannedBatch(buf, 1, 16);
    }
    if (status != ROW) {
      done = true;
      stopped = true;
      return Optional.empty();
    }
    Row row = batch.row(0);
    List<String> fields = new ArrayList<>(row.count());
    for (int i = 0; i < row.count(); i++) {
      fields.add(row.text(i));
    }
    return Optional.of(new Header(fields, row.line()));
  }

  /** The header row: its fields and its line. */
  record Header(List<String> fields, long line) {}

  /**
   * The next rows, in file order; {@code null} at the end of the file or where the scanner
   * stopped (see {@link #stopped()}).
   */
  ScannedBatch next() throws IOException {
    while (!done) {
      if (needMore) {
        fill();
      }
      ScannedBatch batch = new ScannedBatch(buf, rowsHint, fieldsHint);
      int status;
      while ((status = scanRow(batch)) == ROW) {
        // rows are added to the batch
      }
      if (status == END || status == STOP) {
        done = true;
        stopped = status == STOP;
      } else {
        needMore = true;
      }
      if (batch.size() > 0) {
        batch.endOffset(bufferOffset + pos);
        rowsHint = batch.size() + (batch.size() >> 3);
        fieldsHint = batch.fieldCount() + (batch.fieldCount() >> 3);
        return batch;
      }
    }
    return null;
  }

  /** Whether the scanner stopped before the end of the file, at {@link #stopOffset()}. */
  boolean stopped() {
    return stopped;
  }

  /** The file offset of the row the scanner stopped at. */
  long stopOffset() {
    return bufferOffset + pos;
  }

  /** The line of the row the scanner stopped at. */
  long stopLine() {
    return line;
  }

  /**
   * Moves the unread rest of the buffer to the start of a new buffer (batches keep the old one)
   * and reads more after it; the buffer grows when one row fills all of it.
   */
  private void fill() throws IOException {
    int rest = limit - pos;
    byte[] next = new byte[Math.max(chunk, rest >= chunk / 2 ? rest * 2 : chunk)];
    System.arraycopy(buf, pos, next, 0, rest);
    bufferOffset += pos;
    buf = next;
    limit = rest;
    pos = 0;
    ByteBuffer into = ByteBuffer.wrap(buf, limit, buf.length - limit);
    while (into.hasRemaining()) {
      int n = channel.read(into, readOffset);
      if (n < 0) {
        eof = true;
        break;
      }
      readOffset += n;
    }
    limit = into.position();
    needMore = false;
  }

  /**
   * Scans one row at {@code pos} into {@code batch}: {@code ROW} (added, {@code pos} moved on),
   * {@code END} (no more rows), {@code MORE} (the row goes past the buffer) or {@code STOP}.
   */
  private int scanRow(ScannedBatch batch) {
    final byte[] b = buf;
    final int lim = limit;
    int j = pos;
    while (true) { // blank lines
      int k = j;
      while (k < lim && b[k] == ' ') {
        k++;
      }
      if (k == lim) {
        return eof ? END : MORE;
      }
      if (b[k] == '\n') {
        j = k + 1;
      } else if (b[k] == '\r') {
        if (k + 1 == lim) {
          return eof ? STOP : MORE;
        }
        if (b[k + 1] != '\n') {
          return STOP;
        }
        j = k + 2;
      } else {
        break;
      }
      pos = j;
      line++;
    }
    int mark = batch.fieldCount();
    int newlines = 0;
    while (true) { // one field
      while (j < lim && b[j] == ' ') {
        j++;
      }
      if (j == lim) {
        return unfinished(batch, mark);
      }
      int c = b[j];
      if (c == '"') {
        int from = ++j;
        byte kind = ScannedBatch.ASCII;
        while (true) {
          if (j == lim) {
            return unfinished(batch, mark);
          }
          c = b[j];
          if (c == '"') {
            if (j + 1 == lim) {
              if (!eof) {
                return unfinished(batch, mark);
              }
              j++;
              break;
            }
            if (b[j + 1] != '"') {
              j++;
              break;
            }
            kind = ScannedBatch.DOUBLED_QUOTES;
            j += 2;
          } else if (c < 0) {
            int n = utf8(b, j, lim);
            if (n <= 0) {
              return n < 0 ? unfinished(batch, mark) : stop(batch, mark);
            }
            if (kind == ScannedBatch.ASCII) {
              kind = ScannedBatch.UTF8;
            }
            j += n;
          } else {
            if (c == '\n') {
              newlines++;
            } else if (c == '\r') {
              if (j + 1 == lim) {
                return unfinished(batch, mark);
              }
              if (b[j + 1] != '\n') {
                return stop(batch, mark);
              }
            }
            j++;
          }
        }
        batch.addField(from, j - 1, kind);
        while (j < lim && b[j] == ' ') {
          j++;
        }
        if (j == lim) {
          return unfinished(batch, mark);
        }
        c = b[j];
        if (c != ',' && c != '\n' && c != '\r') {
          return stop(batch, mark);
        }
      } else {
        int from = j;
        byte kind = ScannedBatch.ASCII;
        while (true) {
          if (j == lim) {
            return unfinished(batch, mark);
          }
          c = b[j];
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          if (c < 0) {
            int n = utf8(b, j, lim);
            if (n <= 0) {
              return n < 0 ? unfinished(batch, mark) : stop(batch, mark);
            }
            kind = ScannedBatch.UTF8;
            j += n;
          } else if (c < ' ') {
            return stop(batch, mark);
          } else {
            j++;
          }
        }
        int to = j;
        while (to > from && b[to - 1] == ' ') {
          to--;
        }
        batch.addField(from, to, kind);
      }
      // b[j] ends the field: ',', '\n' or '\r'
      if (c == ',') {
        j++;
        continue;
      }
      if (c == '\r') {
        if (j + 1 == lim) {
          return unfinished(batch, mark);
        }
        if (b[j + 1] != '\n') {
          return stop(batch, mark);
        }
        j++;
      }
      j++;
      batch.endRow(line);
      line += newlines + 1;
      pos = j;
      return ROW;
    }
  }

  /** The row goes past the buffer: read more, or stop at the end of the file. */
  private int unfinished(ScannedBatch batch, int mark) {
    batch.truncateFields(mark);
    return eof ? STOP : MORE;
  }

  private static int stop(ScannedBatch batch, int mark) {
    batch.truncateFields(mark);
    return STOP;
  }

  /**
   * The length of the well-formed UTF-8 sequence at {@code b[i]} (a byte of 0x80 or more): 2 to
   * 4, 0 when it is not well-formed, -1 when it may go on past {@code limit}.
   */
  static int utf8(byte[] b, int i, int limit) {
    int lead = b[i] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        low = 0xA0;
      } else if (lead == 0xED) {
        high = 0x9F;
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        low = 0x90;
      } else if (lead == 0xF4) {
        high = 0x8F;
      }
    } else {
      return 0;
    }
    for (int k = 1; k < length; k++) {
      if (i + k >= limit) {
        return -1;
      }
      int next = b[i + k] & 0xFF;
      if (next < low || next > high) {
        return 0;
      }
      low = 0x80;
      high = 0xBF;
    }
    return length;
  }
}
