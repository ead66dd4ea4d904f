/**
 * Wiring every module shares: the embedded PostgreSQL when no database is configured, schema migrations, API
 * error documents and error pages.
 */
@ApplicationModule(displayName = "System", allowedDependencies = "shared")
package cn.onething.system;

import org.springframework.modulith.ApplicationModule;
