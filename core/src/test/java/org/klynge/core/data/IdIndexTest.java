package org.klynge.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdIndexTest {

  @Test
  void addAndGet_agreeWithAHashMap_throughGrowth() {
    IdIndex index = new IdIndex();
    Map<String, Integer> expected = new HashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      String id = (random.nextBoolean() ? "p" : "P") + random.nextInt(40_000);
      if (!expected.containsKey(id)) {
        expected.put(id, index.add(id));
      }
    }
    assertEquals(expected.size(), index.size());
    expected.forEach((id, position) -> assertEquals(id, index.id(position)));
    expected.forEach((id, position) -> assertEquals(position, index.get(id), id));
    assertEquals(IdIndex.ABSENT, index.get("p40000"));
    assertEquals(IdIndex.ABSENT, index.get(""));
  }

  @Test
  void add_givesPositionsInOrder() {
    IdIndex index = new IdIndex(2);
    assertEquals(0, index.add("b"));
    assertEquals(1, index.add("a"));
    assertEquals(2, index.add("Aa")); // same String hash as "BB"
    assertEquals(3, index.add("BB"));
    assertEquals(2, index.get("Aa"));
    assertEquals(3, index.get("BB"));
    assertEquals("BB", index.id(3));
    assertEquals(java.util.List.of("b", "a", "Aa", "BB"), java.util.List.of(index.ids()));
  }
}
