/**
 * The national benchmark: Klynge against hand-written DuckDB SQL and a hand-written
 * primitive-array loop, on the same synthetic data, with the counts checked equal before any
 * time is printed.
 */
package org.klynge.examples.bench;
