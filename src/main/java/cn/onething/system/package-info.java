/**
 * Wiring every module shares: the embedded PostgreSQL when no database is configured, the start-up check of the
 * database settings, schema migrations, API error documents and error pages.
 */
@ApplicationModule(displayName = "System", allowedDependencies = "shared")
package cn.onething.system;

import org.springframework.modulith.ApplicationModule;
