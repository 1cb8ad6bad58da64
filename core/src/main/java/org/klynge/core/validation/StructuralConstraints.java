package org.klynge.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.klynge.core.definition.DefinitionSet;

/** The Jakarta constraints declared on the definition records, checked by Hibernate Validator. */
final class StructuralConstraints implements Rule {

  /**
   * Hibernate Validator announces its version (HV000001) at INFO on first use; a library's users
   * should not see a dependency's greeting. Held here so that the level outlives garbage
   * collection. (Applies when Hibernate Validator logs through java.util.logging, its fallback;
   * with SLF4J or Log4j on the class path, the application's configuration decides.)
   */
  private static final Logger VERSION_LOG = Logger.getLogger("org.hibernate.validator.internal.util.Version");

  private static final Validator VALIDATOR = createValidator();

  private static Validator createValidator() {
    if (VERSION_LOG.getLevel() == null) {
      VERSION_LOG.setLevel(Level.WARNING);
    }
    try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()) {
      return factory.getValidator();
    }
  }

  /**
   * Validates each value set, population, indicator and package on its own and puts its place in
   * front of the paths. Hibernate Validator remembers, per validation, every path at which it met
   * an equal object (records are equal by value), and looks through them all at each meeting: one
   * validation of a whole set of 3,000 indicators that share {@code {type: listed}} takes time
   * quadratic in their number. Validated one by one, each remembers only its own.
   */
  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Document doc : context.documents()) {
      DefinitionSet set = doc.definitions();
      validateEach(doc.source(), "valueSets", set.valueSets(), out);
      validateEach(doc.source(), "populations", set.populations(), out);
      validateEach(doc.source(), "indicators", set.indicators(), out);
      validateEach(doc.source(), "packages", set.packages(), out);
    }
  }

  private static void validateEach(String source, String property, List<?> elements, List<Diagnostic> out) {
    for (int i = 0; i < elements.size(); i++) {
      String prefix = property + "[" + i + "]";
      VALIDATOR.validate(elements.get(i)).stream()
          .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
          .forEach(v -> {
            String path = path(v.getPropertyPath());
            out.add(Diagnostic.error(source, path.isEmpty() ? prefix : prefix + "." + path, v.getMessage()));
          });
    }
  }

  /** Hibernate Validator's path in the format's notation, e.g. {@code indicators[2].title}. */
  static String path(Path propertyPath) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : propertyPath) {
      String name = node.getName();
      if (name == null || name.startsWith("<")) {
        if (node.getIndex() != null) {
          out.append('[').append(node.getIndex()).append(']');
        }
        continue;
      }
      if (node.isInIterable() && node.getIndex() != null) {
        out.append('[').append(node.getIndex()).append(']');
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(name);
    }
    return out.toString();
  }
}
