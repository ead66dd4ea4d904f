/**
 * What every module may use: personal data that masks itself, what typed text may contain, and ({@code yaml}) the
 * one reader of the YAML files under guides/. Depends on no other module.
 */
@ApplicationModule(displayName = "Shared")
package cn.onething.shared;

import org.springframework.modulith.ApplicationModule;
