// Klynge from JShell: load the catalogue, generate synthetic data, evaluate a package, print a table.
// Run from the repository root after `mvn -B -q install -DskipTests`:
//   jshell --class-path examples/target/klynge.jar examples/jshell/klynge.jsh
import org.klynge.core.definition.*;
import org.klynge.core.engine.*;
import org.klynge.core.result.*;
import org.klynge.indicators.Catalogue;
import org.klynge.examples.synthetic.SyntheticNation;

var definitions = Catalogue.definitions();
var data = SyntheticNation.generate(new SyntheticNation.Settings(0.01, 42, 2024));
var results = Evaluator.forPackage(definitions, "type-2-diabetes").evaluate(data, EvaluationOptions.of(MeasurementPeriod.year(2024)));
results.rows().stream().filter(r -> r.level() == Level.REGION || r.level() == Level.NATION).forEach(r -> System.out.printf("%-28s %-8s %-12s %7d / %7d = %6.1f%n", r.indicatorId(), r.level().code(), r.unitId(), r.counts().effectiveNumerator(), r.counts().effectiveDenominator(), r.value().orElse(Double.NaN)));
/exit
