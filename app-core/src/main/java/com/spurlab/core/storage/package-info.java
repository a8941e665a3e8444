/** Where SpurLab keeps files: the data folder, content-addressed blobs, uploads and models. */
package com.spurlab.core.storage;
