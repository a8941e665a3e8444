/** The EDIT step end to end: plans, the edited dataset version, the edits endpoint. */
package com.spurlab.edit;
