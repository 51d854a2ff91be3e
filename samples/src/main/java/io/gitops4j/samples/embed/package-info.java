/**
 * Small programs that embed gitops4j the way a tool would: the engine with a custom target, and a service that
 * runs the continuous controller with a webhook-style trigger. Copy them into your project and adapt.
 */
package io.gitops4j.samples.embed;
