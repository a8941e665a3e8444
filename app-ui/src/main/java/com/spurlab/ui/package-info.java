/** Vaadin views: thin, they call services and show what the signed-in role may see. */
package com.spurlab.ui;
