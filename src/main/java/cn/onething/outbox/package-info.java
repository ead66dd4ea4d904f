/**
 * The transactional outbox (docs/architecture.md §3, §6): {@link cn.onething.outbox.Outbox#append} writes a message in
 * the caller's reactive transaction, and a dispatcher on every replica delivers it to the {@link
 * cn.onething.outbox.OutboxHandler} registered for its kind, once, retrying with backoff until it is delivered or dead.
 * Other modules use the types in this package; {@code internal} is private to the module.
 */
@ApplicationModule(displayName = "Outbox", allowedDependencies = "shared")
package cn.onething.outbox;

import org.springframework.modulith.ApplicationModule;
