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
    int[] end = random.nextBoolean() ? null : new int[events + 3];
    int[] valueCode = random.nextBoolean() ? null : new int[events + 3];
    byte[] status = random.nextBoolean() ? null : new byte[events + 3];
    for (int e = 0; e < value.length; e++) {
      boolean none = random.nextInt(5) < sparseness;
      int kind = random.nextInt(4);
      value[e] = none || kind == 0 ? Double.NaN : random.nextInt(100) / 4.0;
      unit[e] = none || kind == 1 ? -1 : random.nextInt(100_000);
      quantity[e] = none || kind == 2 ? Double.NaN : 16_777_216 + random.nextInt(3) + random.nextInt(10) / 10.0;
      if (end != null) {
        end[e] = none || kind == 3 ? EventDetails.DEFAULT_END : random.nextInt(50_000);
      }
      if (valueCode != null) {
        valueCode[e] = none || kind == 0 ? -1 : random.nextInt(1_000);
      }
      if (status != null) {
        status[e] = (byte) (none || kind == 1 ? -1 : random.nextInt(16));
      }
    }
    EventDetails details = new EventDetails(value, unit, quantity, end, valueCode, status, events);
    for (int e = 0; e < events; e++) {
      assertEquals(value[e], details.value(e), "value " + e);
      assertEquals(unit[e], details.unit(e), "unit " + e);
      assertEquals(quantity[e], details.quantity(e), "quantity " + e);
      assertEquals(end == null ? EventDetails.DEFAULT_END : end[e], details.end(e), "end " + e);
      assertEquals(valueCode == null ? -1 : valueCode[e], details.valueCode(e), "value code " + e);
      assertEquals(status == null ? -1 : status[e], details.status(e), "status " + e);
    }
  }

  @Property(tries = 20)
  void eventsWithoutDetails_takeNothing(@ForAll @IntRange(min = 1, max = 10_000) int events) {
    EventDetails details = new EventDetails(filled(events, Double.NaN), units(events), filled(events, Double.NaN),
        null, units(events), null, events);
    assertEquals(0, details.estimatedBytes());
    assertEquals(-1, details.unit(events - 1));
    assertEquals(-1, details.valueCode(events - 1));
    assertEquals(EventDetails.DEFAULT_END, details.end(events - 1));
  }

  @Property(tries = 20)
  void oneEventWithAPart_costsTheBitsOfThatPartOnly(@ForAll @IntRange(min = 1, max = 10_000) int events) {
    double[] value = filled(events, Double.NaN);
    value[events / 2] = 53;
    EventDetails details = new EventDetails(value, units(events), filled(events, Double.NaN), null, null, null, events);
    assertEquals(((events + 63) / 64) * 12L + 12, details.estimatedBytes());
    assertEquals(53, details.value(events / 2));
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
