package org.klynge.core.definition;

/**
 * Value = numerator persons ÷ denominator persons, where the numerator is evaluated on the
 * initial population independently of the denominator (so it need not be a subset). Empty
 * when the denominator is 0.
 */
public record Ratio() implements Scoring {}
