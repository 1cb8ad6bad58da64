package org.klynge.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EventDetailsTest {

  /** Any mix of events with and without details reads back as the full columns it came from. */
  @Property(tries = 200)
  void details_readBackAsTheFullColumns(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int events,
      @ForAll @IntRange(min = 0, max = 4) int sparseness) {
    Random random = new Random(seed);
    double[] value = new double[events + 3]; // room left at the end, as a builder may leave
    int[] unit = new int[events + 3];
    double[] quantity = new double[events + 3];
    for (int e = 0; e < value.length; e++) {
      boolean none = random.nextInt(5) < sparseness;
      int kind = random.nextInt(4);
      value[e] = none || kind == 0 ? Double.NaN : random.nextInt(100) / 4.0;
      unit[e] = none || kind == 1 ? -1 : random.nextInt(100_000);
      quantity[e] = none || kind == 2 ? Double.NaN : 16_777_216 + random.nextInt(3) + random.nextInt(10) / 10.0;
    }
    EventDetails details = new EventDetails(value, unit, quantity, events);
    for (int e = 0; e < events; e++) {
      assertEquals(value[e], details.value(e), "value " + e);
      assertEquals(unit[e], details.unit(e), "unit " + e);
      assertEquals(quantity[e], details.quantity(e), "quantity " + e);
    }
  }

  @Property(tries = 20)
  void eventsWithoutDetails_takeTwoBitsAndAShareOfTwoCountsEach(@ForAll @IntRange(min = 1, max = 10_000) int events) {
    EventDetails details = new EventDetails(filled(events, Double.NaN), units(events), filled(events, Double.NaN), events);
    assertEquals(((events + 63) / 64) * 24L, details.estimatedBytes());
    assertEquals(-1, details.unit(events - 1));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private static int[] units(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }
}
