/**
 * Shared kernel: the value types every module speaks (NHS number, partial dates, record section kinds, the traced patient). Depends on nothing.
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package com.carepoint.kernel;

import org.springframework.modulith.ApplicationModule;
