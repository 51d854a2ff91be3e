/**
 * Renderings shared by the demo and the command-line tool: reconcile results, health tables and diffs as text
 * for people and as JSON for scripts. Secret values never appear: diffs come from the differ, which redacts them.
 */
package io.gitops4j.samples.render;
