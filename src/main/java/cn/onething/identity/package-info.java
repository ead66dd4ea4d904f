/**
 * Staff accounts, departments and roles, and signing in to the staff console (docs/architecture.md §3, §8). Other
 * modules use {@link cn.onething.identity.Identity} (who is signed in) and {@link cn.onething.identity.StaffMember};
 * {@code accounts} (what operators do to accounts: the command line), {@code internal} (accounts in PostgreSQL, failed
 * sign-ins, the password policy), {@code session} (the signed session cookie, API tokens, the session registry, the
 * signed cookie of a single sign-on under way), {@code sso} (OpenID Connect sign-in through the hall's identity
 * service, mapped to an existing account) and {@code web} (the /staff security chain and the sign-in page) are private
 * to the module. Departments are the catalogue's (guides/departments.yaml): an account names one of them. An account
 * may also name a place (a township or committee of guides/places/, for village disclosure staff), checked through
 * {@link cn.onething.identity.StaffPlaces}, which the village module implements: identity never depends on it.
 * <p>
 * No sign-in state lives in a replica's memory: the session is an HMAC-signed cookie naming its row in
 * identity_session (which says whether it was ended), and failed attempts are counted in the database, so any
 * replica serves any request (no sticky sessions).
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "catalog", "catalog :: model" })
package cn.onething.identity;

import org.springframework.modulith.ApplicationModule;
