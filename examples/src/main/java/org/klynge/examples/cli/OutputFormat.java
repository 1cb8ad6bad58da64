package org.klynge.examples.cli;

/** How a command prints its answer: for people, or as JSON for programs. */
enum OutputFormat { text, json }
