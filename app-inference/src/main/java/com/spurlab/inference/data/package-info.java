/** Images as the models see them: labelled samples on disk, their decoded, compact pixel cache, and augmentation. */
package com.spurlab.inference.data;
