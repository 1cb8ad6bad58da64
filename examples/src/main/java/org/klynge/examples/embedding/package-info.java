/**
 * An embedding example for platform teams: a small service that loads definitions at start-up,
 * evaluates requests over a JDBC source and returns JSON. Copy it and adapt the transport.
 */
package org.klynge.examples.embedding;
