/** Dataset versions: upload, validation, content-addressed samples and their composition. */
package com.spurlab.core.dataset;
