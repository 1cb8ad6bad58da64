/**
 * A synthetic national extract of Danish general practice for demos, tests and benchmarks:
 * {@link org.klynge.examples.synthetic.SyntheticNation} generates the organisation (regions,
 * municipalities, 114 clusters, clinics, GPs) and patients with listings and events shaped like
 * the data the cluster packages use; {@link org.klynge.examples.synthetic.SyntheticCodes} names
 * the codes it records; {@link org.klynge.examples.synthetic.GenerateMain} times a generation.
 */
package org.klynge.examples.synthetic;
