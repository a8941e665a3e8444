/** Training image classifiers with DJL: ERM and the group-robust methods, checkpoints and resume, progress. */
package com.spurlab.inference.train;
