/**
 * Sync windows, as Argo CD has them: {@link io.gitops4j.window.SyncWindow}s of kind allow or deny, each active for
 * a duration after every start of a five-field {@link io.gitops4j.window.CronSchedule} read in its time zone, and
 * applying to applications by name pattern; {@link io.gitops4j.window.SyncWindows} combines them (deny beats
 * allow; matching allow windows mean syncs only while one is active; manual syncs may be let through) into a
 * {@link io.gitops4j.window.WindowCheck} that says whether a sync may run now and, if not, until when it is
 * blocked. Time is always passed in, so a controller's injected clock decides; daylight-saving changes follow the
 * wall clock (a start in a gap is skipped, one in an overlap happens twice), as Argo CD's cron library does.
 */
package io.gitops4j.window;
