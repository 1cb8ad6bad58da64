/** The {@code klynge} command line: validate definitions, evaluate them over data, explain results. */
package org.klynge.examples.cli;
