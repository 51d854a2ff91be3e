/**
 * Reliability probes: fuzzing of the manifest loader and sources, crash safety of a killed apply, API and Git server
 * faults. Each suite reads its number of cases and its seed from system properties ({@link
 * io.gitops4j.reliability.ProbeSettings}) so CI runs a short share and {@code gitops-tests/reliability.sh} a long
 * one; each prints one summary line ({@link io.gitops4j.reliability.ProbeReport}) that the script collects into a
 * table.
 */
package io.gitops4j.reliability;
