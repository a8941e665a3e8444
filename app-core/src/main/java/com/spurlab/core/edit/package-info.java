/** EDIT runs as stored (figures in the run's details, the original/edited pairs as rows) and read by the API and the Edits tab. */
package com.spurlab.core.edit;
