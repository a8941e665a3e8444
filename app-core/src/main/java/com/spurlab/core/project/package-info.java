/** Projects, their members, and the access rules every service checks. */
package com.spurlab.core.project;
