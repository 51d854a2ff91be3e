/**
 * Runnable examples of embedding gitops4j: the demo, the command-line tool, a custom target, and a service that
 * runs the continuous controller.
 */
package io.gitops4j.samples;
