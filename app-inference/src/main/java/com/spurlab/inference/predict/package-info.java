/** Batched, pipelined prediction with a saved classifier: probabilities and embeddings of whole splits, files or in-memory images. */
package com.spurlab.inference.predict;
