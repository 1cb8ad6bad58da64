package org.klynge.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.klynge.core.definition.DefinitionSet;

/** The Jakarta constraints declared on the definition records, checked by Hibernate Validator. */
final class StructuralConstraints implements Rule {

  private static final Validator VALIDATOR = createValidator();

  private static Validator createValidator() {
    try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()) {
      return factory.getValidator();
    }
  }

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Document doc : context.documents()) {
      VALIDATOR.validate(doc.definitions()).stream()
          .sorted(Comparator.comparing((ConstraintViolation<DefinitionSet> v) -> v.getPropertyPath().toString()))
          .forEach(v -> out.add(Diagnostic.error(doc.source(), path(v.getPropertyPath()), v.getMessage())));
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
