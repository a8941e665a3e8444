/** Dataset version ITs through the public API, with the small archives they upload. */
package com.spurlab.dataset;
