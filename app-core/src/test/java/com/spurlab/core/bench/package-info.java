/** Benchmarks run by hand (bench/ingest.sh), never by the test suite: they print numbers, they assert nothing. */
package com.spurlab.core.bench;
