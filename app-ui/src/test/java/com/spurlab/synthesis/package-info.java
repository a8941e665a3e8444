/** SYNTHESIZE through the API: a derived version with provenance, its result endpoint, training on it. */
package com.spurlab.synthesis;
