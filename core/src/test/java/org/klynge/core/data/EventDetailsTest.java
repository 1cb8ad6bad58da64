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
    short[] unit = new short[events + 3];
    float[] quantity = new float[events + 3];
    for (int e = 0; e < value.length; e++) {
      boolean none = random.nextInt(5) < sparseness;
      int kind = random.nextInt(4);
      value[e] = none || kind == 0 ? Double.NaN : random.nextInt(100) / 4.0;
      unit[e] = (short) (none || kind == 1 ? -1 : random.nextInt(3));
      quantity[e] = none || kind == 2 ? Float.NaN : random.nextInt(10);
    }
    EventDetails details = new EventDetails(value, unit, quantity, events);
    for (int e = 0; e < events; e++) {
      assertEquals(value[e], details.value(e), "value " + e);
      assertEquals(unit[e], details.unit(e), "unit " + e);
      assertEquals(quantity[e], details.quantity(e), "quantity " + e);
    }
  }

  @Property(tries = 20)
  void eventsWithoutDetails_takeABitAndAShareOfACountEach(@ForAll @IntRange(min = 1, max = 10_000) int events) {
    EventDetails details = new EventDetails(filled(events, Double.NaN), units(events), floats(events), events);
    assertEquals(((events + 63) / 64) * 12L, details.estimatedBytes());
    assertEquals(-1, details.unit(events - 1));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private static short[] units(int n) {
    short[] a = new short[n];
    java.util.Arrays.fill(a, (short) -1);
    return a;
  }

  private static float[] floats(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, Float.NaN);
    return a;
  }
}
