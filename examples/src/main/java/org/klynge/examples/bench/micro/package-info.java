/**
 * JMH micro-benchmarks of the inner routines of assessment (quantiles, intervals, funnel limits),
 * run from {@code klynge-bench.jar}: {@code java -cp examples/target/klynge-bench.jar
 * org.openjdk.jmh.Main Quantiles}. See {@code docs/performance.md}.
 */
package org.klynge.examples.bench.micro;
