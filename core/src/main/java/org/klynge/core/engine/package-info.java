/**
 * The calculation engine. {@link org.klynge.core.engine.Evaluator} compiles indicators once;
 * each evaluation binds them to the data's code dictionary, evaluates blocks of 64 patients
 * (one bit each in a {@code long}) once per period for all indicators together (shared criteria
 * computed once per patient and period, and only for the patients a population asks about),
 * over patient partitions in parallel, and merges the partitions' integer tallies into a
 * {@link org.klynge.core.result.ResultTable} rolled up clinic → cluster → region → nation.
 */
package org.klynge.core.engine;
