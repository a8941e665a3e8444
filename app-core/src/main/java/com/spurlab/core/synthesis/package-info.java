/** SYNTHESIZE's stored result (DESIGN's synthesis shape, extended) and its runs for those who read results. */
package com.spurlab.core.synthesis;
