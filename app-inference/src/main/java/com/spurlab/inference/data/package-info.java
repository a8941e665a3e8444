/** Images as the models see them: labelled samples on disk and their decoded, compact pixel cache. */
package com.spurlab.inference.data;
