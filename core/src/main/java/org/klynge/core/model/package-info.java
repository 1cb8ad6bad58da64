/**
 * The organisation and patient data that indicators are evaluated over: regions, clusters,
 * clinics and their time-versioned memberships; patients with listing periods; and the
 * events (diagnoses, lab measurements, redeemed prescriptions, services, questionnaire
 * answers) recorded for them. Every type is an immutable record; optional parts are
 * {@link java.util.Optional}, never {@code null}.
 */
package org.klynge.core.model;
