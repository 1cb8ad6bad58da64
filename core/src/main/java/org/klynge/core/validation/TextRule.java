package org.klynge.core.validation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text in definitions must not hold a next-line (U+0085), line-separator (U+2028) or
 * paragraph-separator (U+2029) character: a YAML reader takes each for a line break and folds
 * it into a space, so the definition would not read back as written. Line breaks are written
 * as {@code \n}. Every string in the definitions is looked at, wherever it is.
 */
final class TextRule implements Rule {

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Document doc : context.documents()) {
      visit(doc.source(), "", doc.definitions(), out);
    }
  }

  private static void visit(String source, String path, Object value, List<Diagnostic> out) {
    if (value instanceof String text) {
      int at = firstYamlBreak(text);
      if (at >= 0) {
        out.add(Diagnostic.error(source, path, String.format(
            "holds U+%04X at character %d, which YAML reads as a line break; write line breaks as \\n",
            (int) text.charAt(at), at + 1)));
      }
    } else if (value instanceof Optional<?> optional) {
      optional.ifPresent(v -> visit(source, path, v, out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        visit(source, path + "[" + i + "]", list.get(i), out);
      }
    } else if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        visit(source, path + "[" + i++ + "]", element, out);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, v) -> {
        visit(source, path + "." + key, key, out);
        visit(source, path + "." + key, v, out);
      });
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
        visit(source, name, read(component, record), out);
      }
    }
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  private static int firstYamlBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }
}
