/** Tests of the pilot report's files (PDF and CSV) from a report built in memory. */
package com.spurlab.report;
