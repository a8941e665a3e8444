/** How the tensor engine runs on this node: the native allocator's settings and the GPUs DJL sees. */
package com.spurlab.inference.engine;
