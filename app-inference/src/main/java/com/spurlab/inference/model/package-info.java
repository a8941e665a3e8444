/** The classifier network and the files that describe a saved model, shared by training and evaluation. */
package com.spurlab.inference.model;
