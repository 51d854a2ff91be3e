/**
 * What an application owns and what it did: the {@link io.gitops4j.inventory.Inventory} of keys it applied and the
 * revision it applied them at, persisted by the {@link io.gitops4j.inventory.InventoryStore} SPI, and the
 * {@link io.gitops4j.inventory.RunRecord}s of its runs, kept bounded by the
 * {@link io.gitops4j.inventory.HistoryStore} SPI beside the inventory. The engine prunes only keys its inventory
 * holds; rollback returns to the last run that became healthy.
 */
package io.gitops4j.inventory;
