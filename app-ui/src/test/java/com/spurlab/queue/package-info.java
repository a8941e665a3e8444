/** Integration tests of the job queue: in-process, and with real nodes killed mid-job. */
package com.spurlab.queue;
