/** Command-line benchmark of the whole demo path: generate, train ERM, evaluate per group. */
package com.spurlab.inference.bench;
