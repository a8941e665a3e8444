/** The Edits tab: an EDIT run's verdict, flip rate against its control per group, and its before/after pairs. */
package com.spurlab.ui.edits;
