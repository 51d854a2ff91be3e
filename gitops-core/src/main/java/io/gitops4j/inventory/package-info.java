/**
 * What an application owns: the {@link io.gitops4j.inventory.Inventory} of keys it applied and the revision it
 * applied them at, and the {@link io.gitops4j.inventory.InventoryStore} SPI that persists it. The engine prunes
 * only keys its inventory holds.
 */
package io.gitops4j.inventory;
