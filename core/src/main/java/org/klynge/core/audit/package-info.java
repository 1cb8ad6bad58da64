/**
 * The audit of published result files: an independent attacker that reads what was published (CSV or JSON),
 * derives by linear programming the range of values each hidden count can take, and reports counts given
 * away, small counts shown and files that contradict each other. Written apart from the suppressor in
 * {@code disclosure}, which it checks; it depends on neither {@code disclosure} nor {@code result}.
 *
 * <p>The entry point is {@link org.klynge.core.audit.Audit#run}; {@code klynge audit} runs it from the command
 * line. The method is described in {@code docs/audit.md}.
 */
package org.klynge.core.audit;
