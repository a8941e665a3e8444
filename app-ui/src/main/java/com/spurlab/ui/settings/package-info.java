/** A project's settings: KPI targets and members, for its leads and for administrators. */
package com.spurlab.ui.settings;
