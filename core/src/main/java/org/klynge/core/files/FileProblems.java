package org.klynge.core.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Describes file problems as {@code PATH: reason}. Java's own messages for file errors are often
 * the path alone ({@code AccessDeniedException}, {@code NoSuchFileException}) or the reason alone
 * (a failed write: {@code No space left on device}); these functions always give both.
 *
 * <pre>{@code
 * catch (IOException e) {
 *   throw new IOException(FileProblems.describe(out, e), e);   // "out/results.csv: no space left on device"
 * }
 * }</pre>
 */
public final class FileProblems {

  private FileProblems() {}

  /**
   * {@code PATH: reason} for {@code e}, naming the file the exception names or else {@code file},
   * the one being read or written when it happened.
   */
  public static String describe(Path file, IOException e) {
    Path named = e instanceof FileSystemException fse && fse.getFile() != null ? Path.of(fse.getFile()) : file;
    return named + ": " + reason(e);
  }

  /** The reason for {@code e} in words, without the path: {@code permission denied}, {@code no space left on device}. */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    } else if (e instanceof NotDirectoryException) {
      return "not a folder";
    } else if (e instanceof DirectoryNotEmptyException) {
      return "folder not empty";
    } else if (e instanceof CharacterCodingException) {
      return "not UTF-8";
    } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return lower(fse.getReason());
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : lower(message);
  }

  /**
   * Why {@code file} cannot be read as a regular file, if it cannot: {@code no such file},
   * {@code is a folder}, {@code not a regular file (a pipe, device or socket)},
   * {@code not readable (permission denied)}. Checked before opening, so that a pipe is never
   * opened (reading one would wait for a writer).
   */
  public static Optional<String> unreadable(Path file) {
    if (!Files.exists(file)) {
      return Optional.of("no such file");
    } else if (Files.isDirectory(file)) {
      return Optional.of("is a folder, not a file");
    } else if (!Files.isRegularFile(file)) {
      return Optional.of("not a regular file (a pipe, device or socket)");
    } else if (!Files.isReadable(file)) {
      return Optional.of("not readable (permission denied)");
    }
    return Optional.empty();
  }

  /**
   * Where a byte sequence stops being UTF-8.
   *
   * @param line the line, from 1
   * @param byteInLine the offending byte's place in its line, from 1
   * @param byteInFile the offending byte's place in the file, from 1
   */
  public record Utf8Error(long line, long byteInLine, long byteInFile) {
    /** {@code not UTF-8 at line 3, byte 17 (byte 245 of the file)}. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "not UTF-8 at line %d, byte %d (byte %d of the file)", line, byteInLine,
          byteInFile);
    }
  }

  /** The first place in {@code file} that is not well-formed UTF-8, if there is one. */
  public static Optional<Utf8Error> firstMalformedUtf8(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return firstMalformedUtf8(in);
    }
  }

  /** The first place in {@code bytes} that is not well-formed UTF-8, if there is one. */
  public static Optional<Utf8Error> firstMalformedUtf8(byte[] bytes) {
    try {
      return firstMalformedUtf8(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory failed", e);
    }
  }

  /**
   * Validates UTF-8 strictly (no overlong forms, no surrogates, nothing above U+10FFFF), one
   * byte at a time.
   */
  private static Optional<Utf8Error> firstMalformedUtf8(InputStream in) throws IOException {
    long line = 1;
    long lineStart = 0;
    long position = 0;
    int b;
    while ((b = in.read()) >= 0) {
      long start = position++;
      if (b < 0x80) {
        if (b == '\n') {
          line++;
          lineStart = position;
        }
        continue;
      }
      int continuation;
      int min = 0x80;
      int max = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        continuation = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        continuation = 2;
        min = b == 0xE0 ? 0xA0 : 0x80;
        max = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        continuation = 3;
        min = b == 0xF0 ? 0x90 : 0x80;
        max = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return Optional.of(new Utf8Error(line, start - lineStart + 1, start + 1));
      }
      for (int i = 0; i < continuation; i++) {
        int c = in.read();
        position++;
        int lo = i == 0 ? min : 0x80;
        int hi = i == 0 ? max : 0xBF;
        if (c < lo || c > hi) {
          return Optional.of(new Utf8Error(line, start - lineStart + 1, start + 1));
        }
      }
    }
    return Optional.empty();
  }

  private static String lower(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
