/** Training image classifiers with DJL (ERM for now) and reporting progress while it runs. */
package com.spurlab.inference.train;
