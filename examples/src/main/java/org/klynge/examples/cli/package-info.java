/** The {@code klynge} command line: validate definitions, evaluate them over data, explain results,
 * audit published files. */
package org.klynge.examples.cli;
