/** The Audit tab: one audit run's figures with intervals and findings, and two audit runs side by side. */
package com.spurlab.ui.audit;
