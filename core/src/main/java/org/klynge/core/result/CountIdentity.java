package org.klynge.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeSet;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;
import org.klynge.core.definition.Tie;
import org.klynge.core.format.DefinitionFormat;
import org.klynge.core.format.Syntax;

/**
 * The identities of an indicator's published counts, from its definition alone.
 *
 * <p>A set of persons is written as a conjunction of literals: each criterion of the population
 * order, {@code and}s flattened, as canonical JSON with {@code +} (must hold) or {@code −} (must not).
 * Its identity is the SHA-256 of the sorted literals (first 16 hex digits), prefixed by what is
 * counted. So the numerator of "HbA1c measured" ({@code initial: diabetes, numerator: HbA1c in
 * period}) and the denominator of "HbA1c above 58" ({@code initial: diabetes, denominator: HbA1c in
 * period}) get the same identity, whatever order the criteria are written in.
 *
 * <pre>
 *   remaining     = IP ∧ D ∧ ¬DX
 *   in numerator  = remaining ∧ N ∧ ¬NX          (ratios: IP ∧ N ∧ ¬NX)
 *   counted       = remaining ∧ ¬(DE ∧ ¬in numerator)
 *   denominator   = persons: counted
 *   numerator     = persons: in numerator                     proportion, ratio
 *                   events: (event, value set, window, relation, status, sum, unit, attribution)
 *                           of in numerator (or counted)                                      rate
 *                   valued: (event, value set, window, relation, status, pick, unit) of counted   continuous
 * </pre>
 *
 * <p>A named population is one literal, by its id: two indicators referring to the same named
 * population share it; an inline copy of its criterion is another literal. Equal identities mean
 * equal counts; different identities may still happen to be equal sets, which only costs
 * protection the attacker does not get from the definitions.
 */
final class CountIdentity {
  private static final ObjectMapper JSON = DefinitionFormat.mapper(Syntax.JSON);

  private CountIdentity() {}

  static CountedPopulations of(Indicator ind) {
    Populations p = ind.populations();
    Conjunction remaining = new Conjunction().with(p.initial()).with(p.denominator()).without(p.denominatorExclusion());
    Conjunction inNumerator = (ind.scoring() instanceof Ratio ? new Conjunction().with(p.initial()) : remaining.copy())
        .with(p.numerator()).without(p.numeratorExclusion());
    Conjunction counted = remaining.copy();
    p.denominatorException().ifPresent(de ->
        counted.literal("−exception " + json(de) + " unless " + inNumerator.identity()));
    String denominator = "persons:" + counted.identity();
    if (ind.scoring() instanceof Proportion) {
      return identities("persons:" + inNumerator.identity(), denominator, NumeratorKind.PERSONS_IN_DENOMINATOR);
    }
    if (ind.scoring() instanceof Ratio) {
      return identities("persons:" + inNumerator.identity(), denominator, NumeratorKind.PERSONS);
    }
    if (ind.scoring() instanceof Rate rate) {
      Conjunction persons = p.numerator().isPresent() ? inNumerator : counted;
      // what is counted or summed, whatever it is per: per and base do not change the events
      String events = json(new Rate(rate.event(), rate.valueSet(), rate.window(), 1, Rate.Base.PERSONS,
          rate.relation(), rate.status(), rate.sum(), rate.unit()))
          + " attribution " + ind.attribution().code();
      return identities("events:" + hash(events) + ":" + persons.identity(), denominator, NumeratorKind.EVENTS);
    }
    Continuous c = (Continuous) ind.scoring();
    String valued = json(new Continuous(c.event(), c.valueSet(), c.window(), c.pick(), c.unit(),
        Continuous.Aggregate.MEAN, c.relation(), c.status(), Tie.HIGHEST));
    return identities("valued:" + hash(valued) + ":" + counted.identity(), denominator,
        NumeratorKind.PERSONS_IN_DENOMINATOR);
  }

  private static CountedPopulations identities(String numerator, String denominator, NumeratorKind kind) {
    return new CountedPopulations(hash(numerator), hash(denominator), kind);
  }

  private static String hash(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a definition as JSON", e);
    }
  }

  /** A set of persons as sorted literals. */
  private static final class Conjunction {
    private final TreeSet<String> literals = new TreeSet<>();

    Conjunction with(Criterion c) {
      if (c instanceof And and) {
        and.all().forEach(this::with);
      } else {
        literals.add("+" + json(c));
      }
      return this;
    }

    Conjunction with(Optional<Criterion> c) {
      c.ifPresent(this::with);
      return this;
    }

    Conjunction without(Optional<Criterion> c) {
      c.ifPresent(x -> literals.add("−" + json(x)));
      return this;
    }

    void literal(String literal) {
      literals.add(literal);
    }

    Conjunction copy() {
      Conjunction out = new Conjunction();
      out.literals.addAll(literals);
      return out;
    }

    String identity() {
      return hash(String.join("\n", literals));
    }
  }
}
