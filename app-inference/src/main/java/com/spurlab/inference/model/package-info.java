/** The classifier networks (small CNN, small ResNet), their embeddings, and the files that describe a saved model. */
package com.spurlab.inference.model;
