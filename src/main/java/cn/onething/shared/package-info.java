/**
 * Value types every module may use: personal data that masks itself. Depends on nothing.
 */
@ApplicationModule(displayName = "Shared")
package cn.onething.shared;

import org.springframework.modulith.ApplicationModule;
