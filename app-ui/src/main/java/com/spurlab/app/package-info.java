/** Application wiring of the UI module: security for the UI and the API, and the demo installation. */
package com.spurlab.app;
