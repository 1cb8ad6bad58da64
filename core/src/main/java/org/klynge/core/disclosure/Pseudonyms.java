package org.klynge.core.disclosure;

import com.google.common.collect.ImmutableMap;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pseudonyms for the clinics a viewer may see but not identify: {@code <cluster>-Pnn}, numbered
 * within each cluster in the order of an HMAC-SHA256 of the clinic id under a secret key, so the
 * numbering says nothing about the ids. The viewer's own clinic keeps its id.
 *
 * <p>Example: clinics c1, c2, c3 of cluster k1 with own clinic c2 might become {@code k1-P01} (c3)
 * and {@code k1-P02} (c1), depending on the key.
 */
public final class Pseudonyms {
  private Pseudonyms() {}

  /**
   * The label of each clinic.
   *
   * @param clinicsByCluster the clinic ids of each cluster
   * @param ownClinic the viewer's own clinic, if any
   * @param key the secret key (keep it out of every published table)
   */
  public static Map<String, String> of(Map<String, List<String>> clinicsByCluster, Optional<String> ownClinic,
      String key) {
    HashFunction hmac = Hashing.hmacSha256(key.getBytes(StandardCharsets.UTF_8));
    Map<String, String> labels = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : clinicsByCluster.entrySet()) {
      List<String> clinics = new ArrayList<>();
      for (String c : e.getValue()) {
        if (ownClinic.map(c::equals).orElse(false)) {
          labels.put(c, c);
        } else if (!clinics.contains(c)) {
          clinics.add(c);
        }
      }
      clinics.sort(Comparator.comparing((String c) -> hmac.hashString(c, StandardCharsets.UTF_8).toString()));
      String prefix = e.getKey().isEmpty() ? "" : e.getKey() + "-";
      for (int i = 0; i < clinics.size(); i++) {
        labels.put(clinics.get(i), prefix + String.format("P%02d", i + 1));
      }
    }
    return ImmutableMap.copyOf(labels);
  }
}
