package org.klynge.core.disclosure;

import java.util.Optional;

/**
 * Who looks at the table.
 *
 * @param audience the audience
 * @param ownClinic the viewer's own clinic (required for {@link Audience#CLINIC}, optional for
 *     {@link Audience#CLUSTER}, ignored otherwise)
 */
public record Viewer(Audience audience, Optional<String> ownClinic) {
  public Viewer {
    if (audience == null) {
      throw new IllegalArgumentException("audience is required");
    }
    ownClinic = ownClinic == null ? Optional.empty() : ownClinic;
    if (audience.requiresOwnClinic() && ownClinic.isEmpty()) {
      throw new IllegalArgumentException("audience " + audience.code() + " needs the viewer's own clinic");
    }
    if (!audience.showsClinics()) {
      ownClinic = Optional.empty();
    }
  }

  /** A viewer of a clinic. */
  public static Viewer clinic(String ownClinic) {
    return new Viewer(Audience.CLINIC, Optional.of(ownClinic));
  }

  /** A viewer of an audience without an own clinic. */
  public static Viewer of(Audience audience) {
    return new Viewer(audience, Optional.empty());
  }
}
