/** Friendly pages for addresses that do not exist or are not the caller's to open. */
package com.spurlab.ui.error;
