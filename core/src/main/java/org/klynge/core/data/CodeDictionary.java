package org.klynge.core.data;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystems;
import org.klynge.core.model.EventType;

/**
 * Dictionary encoding of (event type, code system, code) as small ints, so events store one
 * int per code and value sets compile to a lookup table over the dictionary. An extract has one
 * for the codes of events and one for their coded results.
 */
public final class CodeDictionary {

  /**
   * One dictionary entry.
   *
   * @param type the event type
   * @param code the code
   */
  public record Entry(EventType type, Code code) {}

  private final ImmutableList<Entry> entries;

  private CodeDictionary(List<Entry> entries) {
    this.entries = ImmutableList.copyOf(entries);
  }

  /** The number of distinct codes. */
  public int size() {
    return entries.size();
  }

  /** The entry with id {@code id}. */
  public Entry entry(int id) {
    return entries.get(id);
  }

  /** The id of an entry, if present (a linear scan: for explanations and tests, not the hot path). */
  public Optional<Integer> idOf(EventType type, Code code) {
    int i = entries.indexOf(new Entry(type, code));
    return i < 0 ? Optional.empty() : Optional.of(i);
  }

  /** Assigns ids in order of first appearance. */
  static final class Builder {
    private final CodeSystems systems;
    /** One map of code to id per (type, system), so a look-up builds no key. */
    private final List<Map<String, Integer>> ids = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    /** A dictionary of codes in {@code systems}. */
    Builder(CodeSystems systems) {
      this.systems = systems;
      for (int i = 0; i < EventType.values().length * systems.size(); i++) {
        ids.add(new HashMap<>());
      }
    }

    /** The id of {@code code} of {@code type} in the system at {@code system} of {@link CodeSystems#all()}. */
    int idOf(EventType type, int system, String code) {
      Map<String, Integer> codes = ids.get(type.ordinal() * systems.size() + system);
      Integer id = codes.get(code);
      if (id == null) {
        id = entries.size();
        entries.add(new Entry(type, new Code(systems.all().get(system), code)));
        codes.put(code, id);
      }
      return id;
    }

    /** The event type of entry {@code id}. */
    EventType type(int id) {
      return entries.get(id).type();
    }

    CodeDictionary build() {
      return new CodeDictionary(entries);
    }
  }
}
