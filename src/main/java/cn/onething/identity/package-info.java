/**
 * Staff accounts, departments and roles, and signing in to the staff console (design.md §3, §8). Other modules use
 * {@link cn.onething.identity.Identity} (who is signed in) and {@link cn.onething.identity.StaffMember}; {@code
 * internal} (accounts in PostgreSQL, failed sign-ins), {@code session} (the signed session cookie) and {@code web}
 * (the /staff security chain and the sign-in page) are private to the module.
 * <p>
 * No sign-in state lives in a replica's memory: the session is an HMAC-signed cookie and failed attempts are counted
 * in the database, so any replica serves any request (no sticky sessions).
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "catalog", "catalog :: model" })
package cn.onething.identity;

import org.springframework.modulith.ApplicationModule;
