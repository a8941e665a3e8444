/** The demo dataset: real Fashion-MNIST garments composited on backgrounds that act as a spurious cue. */
package com.spurlab.inference.demo;
