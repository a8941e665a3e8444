/** Users, their roles, authentication and API tokens. */
package com.spurlab.core.user;
