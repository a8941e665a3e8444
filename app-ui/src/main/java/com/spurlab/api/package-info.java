/** The public HTTP API (/api/v1): thin controllers over the services, JSON errors, OpenAPI documented. */
package com.spurlab.api;
