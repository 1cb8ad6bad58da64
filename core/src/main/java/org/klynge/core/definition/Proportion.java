package org.klynge.core.definition;

/**
 * Value = numerator ÷ denominator as a percentage, after exclusions and exceptions:
 * {@code (numerator − numerator exclusions) ÷ (denominator − exclusions − exceptions) × 100}.
 * Empty when the denominator is 0.
 */
public record Proportion() implements Scoring {}
