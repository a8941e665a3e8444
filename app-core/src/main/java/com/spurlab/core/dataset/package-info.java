/**
 * Dataset versions: upload, one-pass validation of zip/tar/tar.gz archives in three layouts,
 * content-addressed samples, their composition, galleries, diffs and deletion.
 */
package com.spurlab.core.dataset;
