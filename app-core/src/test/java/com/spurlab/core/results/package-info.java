/** Tests of the results records. */
package com.spurlab.core.results;
