/**
 * The main job: synthetic national data evaluated with the whole catalogue, written as result
 * files, a cluster report and a clinic's actionable patient list.
 */
package org.klynge.examples.demo;
